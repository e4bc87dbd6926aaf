package jp.tenken.compliance;

import jp.tenken.api.FindingView;
import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;
import jp.tenken.text.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The compliance list as CSV that Excel opens as it is: a UTF-8 byte-order mark, headers in the
 * reader's language, lines ending with CRLF. Every text cell goes through {@link SpreadsheetCells}, since department names
 * and finding messages carry text from documents and must never run as a formula.
 */
final class ComplianceCsv {

    private static final String BOM = "\uFEFF";

    private ComplianceCsv() {
    }

    static String write(ComplianceList list, Language language) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        String[] headers = Arrays.stream(Texts.get(language, "compliance.csv.headers").split(","))
                .map(SpreadsheetCells::text).toArray(String[]::new);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(headers)
                // CRLF, as RFC 4180 and Excel want; EXCEL's default too, written here so it stays so.
                .setRecordSeparator("\r\n").get())) {
            for (UnitCompliance unit : list.units()) {
                UnitCompliance.SelfInspection si = unit.selfInspection();
                csv.printRecord(SpreadsheetCells.text(unit.department()),
                        SpreadsheetCells.text(Texts.get(language, "status." + unit.status().name())),
                        SpreadsheetCells.text(Texts.get(language, si.submitted() ? "csv.yes" : "csv.no")),
                        si.errors() == null ? "" : si.errors(), si.warnings() == null ? "" : si.warnings(),
                        unit.lastAuditedFiscalYear() == null ? "" : unit.lastAuditedFiscalYear(), unit.openAuditActions(),
                        SpreadsheetCells.text(unit.findings().stream().map(f -> f.messageInFiles(language)).collect(Collectors.joining(" / "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
