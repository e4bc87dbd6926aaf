package jp.tenken.web;

import io.micronaut.http.multipart.CompletedFileUpload;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The file of an upload form (plans, evaluations), read the same way on every page: no file is a
 * 400 naming {@code file}, and only JSON and YAML names are read as documents, so what the reader
 * refuses is said in the form's own terms before any parsing.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    /** The name the browser sent, or "" when there is none. */
    public static String name(CompletedFileUpload file) {
        return file == null || file.getFilename() == null ? "" : file.getFilename();
    }

    /** The file's bytes; without a file, refused naming {@code file} with the message {@code requiredKey}. */
    public static byte[] bytes(CompletedFileUpload file, String requiredKey) {
        if (name(file).isBlank()) {
            throw DocumentRejectedException.malformed(Problem.of("file", requiredKey));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the name is that of an Excel workbook (.xlsx). */
    public static boolean isWorkbook(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** JSON for .json, YAML for .yaml and .yml; any other name is refused naming the file. */
    public static DocumentFormat format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json") && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw DocumentRejectedException.malformed(Problem.of("file", "plan.file.type", "name", fileName));
        }
        return DocumentFormat.ofFileName(name);
    }
}
