package jp.tenken.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.util.List;

/**
 * The body of every 4xx answer: a message for a person, a fixed code for a program, and the
 * fields at fault ({@code path} as the contract names them, e.g. {@code initiatives[2].no}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorResponse(String code, String message, List<Violation> violations) {

    /** One field at fault; an empty path means the document as a whole. */
    public record Violation(@JsonInclude(JsonInclude.Include.ALWAYS) String path, String message) {
    }

    public static ErrorResponse of(String code, String message) {
        return new ErrorResponse(code, message, List.of());
    }

    public static ErrorResponse of(DocumentRejectedException e, Language language) {
        List<Violation> violations = e.problems().stream()
                .map(p -> new Violation(p.path(), p.message(language)))
                .toList();
        String code = e.reason() == DocumentRejectedException.Reason.MALFORMED ? "invalid_document" : "unprocessable_document";
        String message = e.problems().size() == 1 && e.problems().get(0).key().equals(e.summaryKey())
                ? e.problems().get(0).message(language)
                : Texts.get(language, e.summaryKey()) + ": " + describe(e.problems(), language);
        return new ErrorResponse(code, message, violations);
    }

    private static String describe(List<Problem> problems, Language language) {
        StringBuilder text = new StringBuilder();
        for (Problem p : problems.subList(0, Math.min(3, problems.size()))) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(p.path().isEmpty() ? "" : p.path() + " ").append(p.message(language));
        }
        if (problems.size() > 3) {
            text.append(" (+").append(problems.size() - 3).append(")");
        }
        return text.toString();
    }
}
