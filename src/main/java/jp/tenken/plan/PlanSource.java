package jp.tenken.plan;

import jp.tenken.document.DocumentFormat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The upload a stored plan version was read from, kept with it as it came: a document's text, or
 * a workbook's bytes in Base64 (format {@code XLSX}).
 */
public record PlanSource(String format, String text) {

    public static PlanSource of(byte[] body, DocumentFormat format) {
        return new PlanSource(format.name(), new String(body, StandardCharsets.UTF_8));
    }

    public static PlanSource workbook(byte[] body) {
        return new PlanSource("XLSX", Base64.getEncoder().encodeToString(body));
    }
}
