package jp.tenken.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A file downloaded over HTTP as a test user: status, type, Content-Disposition and bytes, read back with POI or PDFBox. */
public record Download(int status, String contentType, String disposition, byte[] bytes) {

    public static Download as(HttpClient client, String username, MutableHttpRequest<?> request) {
        return get(client, jp.tenken.TestUsers.as(username, request));
    }

    public static Download get(HttpClient client, HttpRequest<?> request) {
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            return new Download(response.code(), response.getHeaders().get(HttpHeaders.CONTENT_TYPE),
                    response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION), response.getBody().orElse(new byte[0]));
        } catch (HttpClientResponseException e) {
            return new Download(e.getStatus().getCode(), e.getResponse().getHeaders().get(HttpHeaders.CONTENT_TYPE), null,
                    e.getResponse().getBody(String.class).orElse("").getBytes(StandardCharsets.UTF_8));
        }
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The RFC 5987 file name (filename*=UTF-8''…), decoded. */
    public String filename() {
        int at = disposition.indexOf("filename*=UTF-8''");
        return URLDecoder.decode(disposition.substring(at + "filename*=UTF-8''".length()), StandardCharsets.UTF_8);
    }

    public XSSFWorkbook workbook() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The text of the PDF as PDFBox extracts it, page after page. */
    public String pdfText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
