package jp.tenken.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file to download: its Content-Type and a Content-Disposition naming it twice (RFC 6266), once
 * in ASCII for old clients ({@code filename="compliance-hiratsuka-2025.xlsx"}) and once in UTF-8
 * (RFC 5987 {@code filename*=UTF-8''適合状況_平塚市_2025.xlsx}, percent-encoded), which every
 * current browser prefers, so that a 課 saves the file under a Japanese name it can recognise.
 */
public final class Attachment {

    private Attachment() {
    }

    /**
     * @param asciiName the fallback name: only letters, digits, dot, hyphen and underscore are kept
     * @param name      the name in Japanese; characters a file system refuses are replaced by {@code _}
     */
    public static MutableHttpResponse<byte[]> of(byte[] content, ExportFormat format, String asciiName, String name) {
        String type = format == ExportFormat.CSV ? format.mediaType() + "; charset=utf-8" : format.mediaType();
        return HttpResponse.ok(content).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(asciiName + "." + format.extension(), name + "." + format.extension()));
    }

    static String disposition(String asciiName, String name) {
        String ascii = asciiName.replaceAll("[^A-Za-z0-9._-]", "_");
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
