package jp.tenken.document;

import java.util.Locale;
import java.util.Optional;

/** The two notations a document may be written in. */
public enum DocumentFormat {
    JSON, YAML;

    /** The format a Content-Type names, if it is one we read. */
    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return Optional.of(JSON);
        }
        if (type.equals("application/x-yaml") || type.equals("application/yaml") || type.equals("text/yaml")
                || type.equals("text/x-yaml")) {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }

    /** JSON for {@code .json} files, YAML otherwise ({@code .yaml}, {@code .yml}). */
    public static DocumentFormat ofFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }
}
