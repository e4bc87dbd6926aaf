package jp.tenken.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The form a read endpoint answers in (CONTRACT §9): JSON, or a file to download. {@code format=}
 * decides; without it an {@code Accept} that names one of the endpoint's files and not JSON does
 * (a browser's or curl's default Accept gets JSON). A {@code format} the endpoint does not offer is
 * a 400 naming {@code format} and what it offers.
 */
public enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(ExportFormat.CSV_MEDIA_TYPE, "csv"),
    XLSX(ExportFormat.XLSX_MEDIA_TYPE, "xlsx"),
    PDF(ExportFormat.PDF_MEDIA_TYPE, "pdf");

    public static final String CSV_MEDIA_TYPE = "text/csv";
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_MEDIA_TYPE = "application/pdf";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format asked for among those offered (JSON is always one of them). */
    public static ExportFormat of(HttpRequest<?> request, String format, ExportFormat... offered) {
        List<ExportFormat> formats = Arrays.asList(offered);
        if (format != null && !format.isBlank()) {
            String wanted = format.trim().toLowerCase(Locale.ROOT);
            return formats.stream().filter(f -> f.extension.equals(wanted)).findFirst()
                    .orElseThrow(() -> DocumentRejectedException.malformed(Problem.of("format", "document.enum", "allowed",
                            formats.stream().map(ExportFormat::extension).collect(Collectors.joining(", ")))));
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.contains(MediaType.APPLICATION_JSON)) {
            return JSON;
        }
        return formats.stream().filter(f -> f != JSON && accept.contains(f.mediaType)).findFirst().orElse(JSON);
    }
}
