package jp.tenken.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads request documents (JSON or YAML) into immutable types and validates them with Jakarta Bean
 * Validation. Everything that can be wrong with a document ends here as a
 * {@link DocumentRejectedException} naming the field, never as another exception: broken syntax
 * (with line and column), wrong types, missing fields, excessive size or nesting, bad encoding.
 */
public final class DocumentReader {

    /** Deeper than any real document, far below what would exhaust the stack. */
    static final int MAX_NESTING = 200;

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final Validator validator;

    public DocumentReader(Validator validator, long maxDocumentBytes) {
        this.validator = validator;
        int maxChars = (int) Math.min(Integer.MAX_VALUE, maxDocumentBytes);
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(maxChars)
                .build();
        JsonMapper jsonMapper = JsonMapper.builder().build();
        jsonMapper.getFactory().setStreamReadConstraints(limits);
        this.json = configure(jsonMapper);
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(maxChars);
        loaderOptions.setNestingDepthLimit(MAX_NESTING);
        YAMLFactory yamlFactory = YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(limits).build();
        this.yaml = configure(new YAMLMapper(yamlFactory));
    }

    /**
     * Text with a NUL character is refused where it is read: PostgreSQL cannot store it, and no
     * document means one.
     */
    private static final class NoNulStrings extends StdScalarDeserializer<String> {
        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "text with a NUL character", value, String.class);
            }
            return value;
        }
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("tenken-text").addDeserializer(String.class, new NoNulStrings()))
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    }

    /**
     * A reader validating with Hibernate Validator, built directly so the command line needs no
     * validation infrastructure. Messages are rendered by Tenken from the constraint's message key,
     * so no expression language is needed.
     */
    public static DocumentReader withHibernateValidator(long maxDocumentBytes) {
        Validator validator = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new DocumentReader(validator, maxDocumentBytes);
    }

    /** Reads and validates a document; throws {@link DocumentRejectedException} when it is not one. */
    public <T> T read(byte[] body, DocumentFormat format, Class<T> type) {
        if (body == null || isBlank(body)) {
            throw DocumentRejectedException.malformed(Problem.of("", "document.empty"));
        }
        T value = parse(body, format, type);
        if (value == null) {
            throw DocumentRejectedException.malformed(Problem.of("", "document.empty"));
        }
        validate(value);
        return value;
    }

    /** The mapper for a format, for writing documents back in the same notation. */
    public ObjectMapper mapper(DocumentFormat format) {
        return format == DocumentFormat.JSON ? json : yaml;
    }

    private <T> T parse(byte[] body, DocumentFormat format, Class<T> type) {
        try {
            return mapper(format).readValue(body, type);
        } catch (StreamConstraintsException e) {
            throw DocumentRejectedException.malformed(Problem.of("", "document.limit", "detail", firstLine(e.getOriginalMessage())));
        } catch (JsonParseException e) {
            throw DocumentRejectedException.malformed(syntaxProblem(e.getOriginalMessage(), e.getLocation()));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && e.getTargetType() != null && e.getTargetType().equals(type)
                    && e.getOriginalMessage().contains("end-of-input")) {
                throw DocumentRejectedException.malformed(Problem.of("", "document.empty"));
            }
            throw DocumentRejectedException.malformed(typeProblem(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw DocumentRejectedException.malformed(Problem.of("", "document.limit", "detail", firstLine(limit.getOriginalMessage())));
            }
            throw DocumentRejectedException.malformed(Problem.of(path(e), "document.value",
                    "detail", firstLine(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage())));
        } catch (JsonProcessingException e) {
            throw DocumentRejectedException.malformed(syntaxProblem(e.getOriginalMessage(), e.getLocation()));
        } catch (IOException e) {
            // Bad encodings surface as CharConversionException from the parser.
            throw DocumentRejectedException.malformed(Problem.of("", "document.encoding", "detail", firstLine(e.getMessage())));
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (code points, nesting) as its own runtime exceptions.
            throw DocumentRejectedException.malformed(Problem.of("", "document.limit", "detail", firstLine(e.getMessage())));
        } catch (StackOverflowError e) {
            throw DocumentRejectedException.malformed(Problem.of("", "document.limit", "detail", "nesting"));
        }
    }

    private <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return;
        }
        Set<Problem> problems = new LinkedHashSet<>();
        violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> path(v.getPropertyPath()))
                        .thenComparing(ConstraintViolation::getMessageTemplate))
                .forEach(v -> problems.add(constraintProblem(v)));
        throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid",
                new ArrayList<>(problems));
    }

    private static Problem constraintProblem(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Map<String, String> params = new java.util.TreeMap<>();
        for (String name : List.of("value", "min", "max", "integer", "fraction")) {
            if (attributes.get(name) != null) {
                params.put(name, String.valueOf(attributes.get(name)));
            }
        }
        return new Problem(path(violation.getPropertyPath()), key, params);
    }

    private static Problem syntaxProblem(String message, JsonLocation location) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return Problem.of("", "document.syntax", "line", String.valueOf(line), "column", String.valueOf(column),
                "detail", firstLine(message));
    }

    private static Problem typeProblem(MismatchedInputException e) {
        if (e instanceof InvalidFormatException && String.valueOf(e.getOriginalMessage()).startsWith("text with a NUL")) {
            return Problem.of(path(e), "document.nul");
        }
        Class<?> target = e.getTargetType();
        String expected;
        if (target == null) {
            expected = "value";
        } else if (target.isEnum()) {
            return Problem.of(path(e), "document.enum", "allowed",
                    Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
        } else if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == BigInteger.class) {
            expected = "integer";
        } else if (target == BigDecimal.class || target == Double.class || Number.class.isAssignableFrom(target)) {
            expected = "number";
        } else if (target == Boolean.class || target == boolean.class) {
            expected = "boolean";
        } else if (target == String.class) {
            expected = "text";
        } else if (Temporal.class.isAssignableFrom(target)) {
            expected = "date";
        } else if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            expected = "list";
        } else {
            expected = "object";
        }
        if (e instanceof InvalidFormatException && Temporal.class.isAssignableFrom(target)) {
            expected = "date";
        }
        return Problem.of(path(e), "document.type." + expected);
    }

    /** {@code initiatives[2].no} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** {@code initiatives[2].no} from a Bean Validation property path. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN
                    || node.getName() == null) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.toString();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        // Jackson names Java types in some messages; a client never needs them.
        line = line.replaceAll("`[\\w.$]+`", "").replaceAll("\\b(?:java|jp|com|org)\\.[\\w.$]+", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
