package jp.tenken.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A YAML file the service reads at start, with the line of each of its nodes; or a refusal naming
 * file and line: empty, unreadable, not YAML, or not the shape of {@code T}.
 *
 * @param value the file read as {@code T}
 * @param lines where each node of the file begins, for problems found in {@code value} later
 */
public record YamlFile<T>(Path file, T value, SourceLines lines) {

    /**
     * Fields a version of the service does not know are passed over (a newer file still starts an
     * older service); a key given twice is refused, as the second would silently replace the first.
     */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads {@code file} as {@code type}. {@code refusal} makes the exception of the caller's kind
     * (a checklist, an organization) from a problem line.
     */
    public static <T> YamlFile<T> read(Path file, Class<T> type, Function<String, ? extends SourceException> refusal) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw refusal.apply(file + ": cannot be read (" + reason(e) + ")");
        }
        try {
            SourceLines lines = SourceLines.of(YAML.getFactory().createParser(bytes));
            if (lines.isEmpty()) {
                throw refusal.apply(file + ":1: the file is empty");
            }
            T value = YAML.readValue(bytes, type);
            if (value == null) {
                throw refusal.apply(file + ":" + lines.lineOf(JsonPointer.empty()) + ": the file holds no data (null)");
            }
            return new YamlFile<>(file, value, lines);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException syntax && syntax.getProblemMark() != null) {
                // snakeyaml marks the context it was in and, more precisely, the spot of the problem.
                throw refusal.apply(file + ":" + (syntax.getProblemMark().getLine() + 1) + ": " + syntax.getProblem());
            }
            throw refusal.apply(file + ":" + line(e.getLocation()) + ": " + describe(e));
        } catch (IOException e) {
            throw refusal.apply(file + ": cannot be read (" + reason(e) + ")");
        }
    }

    /** {@code file:line: text} for a problem found at {@code node} of this file. */
    public String problem(JsonPointer node, String text) {
        return file + ":" + lines.lineOf(node) + ": " + text;
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /**
     * What is wrong, without the location Jackson appends (the line is given already): for a value of
     * the wrong shape, the field it was meant for first ({@code departments: Cannot deserialize …}).
     */
    private static String describe(JsonProcessingException e) {
        String what = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            return path + ": " + what;
        }
        return what;
    }

    /** Why a file cannot be read, without repeating its name (the problem begins with it). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
