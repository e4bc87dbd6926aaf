package jp.tenken.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    /** How Jackson begins the message of a key given twice in one object. */
    private static final String DUPLICATE_KEY = "Duplicate field '";

    /** Deeper than any real document, far below what would exhaust the stack. */
    static final int MAX_NESTING = 200;

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final YAMLFactory yamlFactory;
    private final Validator validator;

    public DocumentReader(Validator validator, long maxDocumentBytes) {
        this.validator = validator;
        int maxChars = (int) Math.min(Integer.MAX_VALUE, maxDocumentBytes);
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(maxChars)
                .build();
        // A key given twice would silently keep its last value.
        JsonFactory jsonFactory = JsonFactory.builder().streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.json = configure(JsonMapper.builder(jsonFactory));
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(maxChars);
        loaderOptions.setNestingDepthLimit(MAX_NESTING);
        this.yamlFactory = new JsonLikeYamlFactory(YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
        this.yaml = configure(YAMLMapper.builder(yamlFactory));
    }

    /** Text is refused where it is read when it has a {@link TextFlaws flaw}. */
    private static final class CheckedText extends StdScalarDeserializer<String> {
        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return TextFlaws.check(StringDeserializer.instance.deserialize(parser, context));
        }
    }

    /**
     * A date is a text {@code YYYY-MM-DD} and nothing else. Jackson's own reader would also take a
     * number as days since 1970, an array of numbers, or a date-time cut to its date, each of which
     * would be stored as a date nobody wrote.
     */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (text.length() == 10) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    // refused below
                }
            }
            throw InvalidFormatException.from(parser, "not a date", text, LocalDate.class);
        }
    }

    private static ObjectMapper configure(MapperBuilder<?, ?> builder) {
        return builder.addModule(new JavaTimeModule())
                .addModule(new SimpleModule("tenken-values")
                        .addDeserializer(String.class, new CheckedText())
                        .addDeserializer(LocalDate.class, new IsoDate()))
                // A value of the wrong kind is refused, not converted into one nobody wrote: the text
                // "2025" is no year, 1 no true, 123 no id (it would be stored as "123"), 0 no enum constant.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                // Goal values are read through a tree: decimals stay exact (1.00000000000000000001 is
                // not 1.0), and 1e400 is a number with too many digits, not Infinity.
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .build();
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

    /**
     * Validates a value read by another reader (a workbook) with the same constraints as a document;
     * throws {@link DocumentRejectedException} naming the fields as a document's would be named.
     */
    public <T> T validated(T value) {
        validate(value);
        return value;
    }

    /** The mapper for a format, for writing documents back in the same notation. */
    public ObjectMapper mapper(DocumentFormat format) {
        return format == DocumentFormat.JSON ? json : yaml;
    }

    private <T> T parse(byte[] body, DocumentFormat format, Class<T> type) {
        try {
            if (format == DocumentFormat.YAML) {
                refuseYamlAliases(body);
            }
            return mapper(format).readValue(body, type);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (StreamReadException | StreamConstraintsException e) {
            throw DocumentRejectedException.malformed(readProblem(e, null));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && e.getTargetType() != null && e.getTargetType().equals(type)
                    && e.getOriginalMessage().contains("end-of-input")) {
                throw DocumentRejectedException.malformed(Problem.of("", "document.empty"));
            }
            if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
                throw DocumentRejectedException.malformed(Problem.of("", "document.trailing"));
            }
            throw DocumentRejectedException.malformed(typeProblem(e));
        } catch (JsonMappingException e) {
            // What the parser reports while databind reads a field arrives wrapped, with the field's path.
            if (e.getCause() instanceof StreamReadException || e.getCause() instanceof StreamConstraintsException) {
                throw DocumentRejectedException.malformed(readProblem((JsonProcessingException) e.getCause(), path(e)));
            }
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DocumentValueException value) {
                    throw DocumentRejectedException.malformed(Problem.of(path(e), value.key()));
                }
            }
            throw DocumentRejectedException.malformed(Problem.of(path(e), "document.value",
                    "detail", firstLine(e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage())));
        } catch (JsonProcessingException e) {
            throw DocumentRejectedException.malformed(syntaxProblem("", e.getOriginalMessage(), e.getLocation()));
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

    /**
     * What the parser itself reports: a limit, a number out of range, a key given twice, or broken
     * syntax. {@code fieldPath} is the field databind was reading, when it was reading one.
     */
    private static Problem readProblem(JsonProcessingException e, String fieldPath) {
        if (e instanceof StreamConstraintsException) {
            return Problem.of("", "document.limit", "detail", firstLine(e.getOriginalMessage()));
        }
        if (e instanceof JsonParseException parse && parse.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
            return duplicateKeyProblem(parse);
        }
        if (e.getOriginalMessage().startsWith("Non-standard token") || e.getOriginalMessage().startsWith("Malformed numeric value")) {
            // NaN, Infinity, YAML's .inf and .nan: the parser stands on the number's own field, while
            // databind may only know the object around it (initiatives[0] for its budget).
            String path = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : fieldPath;
            return Problem.of(path == null ? "" : path, "document.type.number");
        }
        if (e instanceof InputCoercionException coercion) {
            return Problem.of(fieldPath != null ? fieldPath
                    : coercion.getProcessor() == null ? "" : path(coercion.getProcessor().getParsingContext()), "document.range");
        }
        return syntaxProblem(fieldPath, e.getOriginalMessage(), e.getLocation());
    }

    /**
     * The key given twice, named by its path. The JSON parser has made the key its current field when
     * it notices; the YAML parser has not, so the key is taken from the message.
     */
    private static Problem duplicateKeyProblem(JsonParseException e) {
        String message = e.getOriginalMessage();
        String key = message.substring(DUPLICATE_KEY.length(), Math.max(message.lastIndexOf('\''), DUPLICATE_KEY.length()));
        JsonStreamContext context = e.getProcessor() == null ? null : e.getProcessor().getParsingContext();
        String path = context == null ? "" : path(context);
        if (context == null || !key.equals(context.getCurrentName())) {
            path = path.isEmpty() ? key : path + "." + key;
        }
        return Problem.of(path, "document.duplicate", "key", key);
    }

    /**
     * Jackson reads a YAML alias ({@code *name}) as the text {@code name} instead of the value its
     * anchor names, which would store a document nobody wrote; Tenken refuses aliases instead.
     * Only a document with a {@code *} in it can hold one, so only such a document is read twice.
     */
    private void refuseYamlAliases(byte[] body) throws IOException {
        boolean star = false;
        for (byte b : body) {
            if (b == '*') {
                star = true;
                break;
            }
        }
        if (!star) {
            return;
        }
        try (YAMLParser parser = yamlFactory.createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw DocumentRejectedException.malformed(Problem.of(path(parser.getParsingContext()), "document.yaml-alias",
                            "alias", "*" + parser.getText()));
                }
            }
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

    private static Problem syntaxProblem(String path, String message, JsonLocation location) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return Problem.of(path, "document.syntax", "line", String.valueOf(line), "column", String.valueOf(column),
                "detail", firstLine(message));
    }

    private static Problem typeProblem(MismatchedInputException e) {
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

    /** {@code initiatives[2].no} from where a parser stands: the field or element it is reading. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            path.append(parts.get(i));
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
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
