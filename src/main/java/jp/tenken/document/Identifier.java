package jp.tenken.document;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An id a document gives (a plan's, a policy's, an organization's, a checklist item's …): 1 to
 * {@value #MAX_LENGTH} characters, each a letter, mark, number, punctuation or symbol (Unicode
 * categories L, M, N, P, S) — so no space, no control character and no format character such as a
 * bidirectional override or a zero-width space. Ids are compared, joined on and put in URLs; two
 * that look the same must be the same. The city's ids ({@code hiratsuka-dx-action-plan}, {@code P1},
 * {@code HUM-03}) and ids in Japanese are ids. A null or blank id is left to {@code @NotBlank} where
 * the id is required; where it is optional it means none is given (a detail sheet that prints no policy).
 */
@Documented
@Constraint(validatedBy = Identifier.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    /** The widest id column (plan ids) holds 200 characters. */
    int MAX_LENGTH = 200;

    String message() default "{document.id}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Identifier, String> {
        @Override
        public boolean isValid(String id, ConstraintValidatorContext context) {
            return id == null || id.isBlank() || id.length() <= MAX_LENGTH && id.codePoints().allMatch(Check::allowed);
        }

        private static boolean allowed(int c) {
            return switch (Character.getType(c)) {
                case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                        Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
                default -> true;
            };
        }
    }
}
