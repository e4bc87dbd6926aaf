package jp.tenken.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.tenken.api.ErrorResponse;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What every command does with its input file: read it, evaluate it, or say on stderr why it cannot. */
final class DocumentFile {

    /** Reads and evaluates a document. */
    @FunctionalInterface
    interface Evaluation<T> {
        T apply(byte[] bytes, DocumentFormat format);
    }

    private DocumentFile() {
    }

    /** The evaluation's result, or empty after printing why the file cannot be evaluated (exit code 2). */
    static <T> Optional<T> evaluate(Path file, Language language, Evaluation<T> evaluation) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            System.err.println(Texts.get(language, "document.unreadable", Map.of("detail", file + " (" + e.getClass().getSimpleName() + ")")));
            return Optional.empty();
        }
        try {
            return Optional.of(evaluation.apply(bytes, DocumentFormat.ofFileName(file.toString())));
        } catch (DocumentRejectedException e) {
            ErrorResponse error = ErrorResponse.of(e, language);
            System.err.println(file + ": " + error.message());
            error.violations().forEach(v -> System.err.println("  " + (v.path().isEmpty() ? "(document)" : v.path()) + ": " + v.message()));
        } catch (NotFoundException e) {
            System.err.println(file + ": " + Texts.get(language, e.key(), e.params()));
        }
        return Optional.empty();
    }

    /** Prints a body as indented JSON, as the HTTP API would send it. */
    static void printJson(ObjectMapper mapper, Object body) throws JsonProcessingException {
        System.out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(body));
    }
}
