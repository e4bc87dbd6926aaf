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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance list as CSV that Excel opens as it is: a UTF-8 byte-order mark, headers in the
 * reader's language, lines ending with CRLF. Every text cell goes through {@link SpreadsheetCells}, since department names
 * and finding messages carry text from documents and must never run as a formula.
 * <p>
 * Where the list has an organization-level section (CONTRACT §15), it follows the departments' table
 * after one empty line, as a block of its own with a heading line, a header line and the lines of the
 * xlsx sheet 組織全体の項目: the departments' table stays whole for a reader that stops at the empty line.
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
            if (list.organizationLevel() != null) {
                organizationLevel(csv, list.organizationLevel(), language);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The security office's answers to the organization-level items: its status and whether it has
     * submitted on every line, one line per finding (a single line when it has none or has not
     * submitted), so that a filter on any column keeps the office and its status in view.
     */
    private static void organizationLevel(CSVPrinter csv, ComplianceList.OrganizationLevel level, Language language) throws IOException {
        csv.println();
        csv.printRecord(SpreadsheetCells.text(Texts.get(language, "compliance.csv.organization.heading",
                Map.of("office", level.securityOffice()))));
        csv.printRecord(Arrays.stream(Texts.get(language, "compliance.csv.organization.headers").split(","))
                .map(SpreadsheetCells::text).toArray());
        String office = SpreadsheetCells.text(level.securityOffice());
        String submitted = SpreadsheetCells.text(Texts.get(language, level.submitted() ? "csv.yes" : "csv.no"));
        String status = SpreadsheetCells.text(!level.submitted() ? Texts.get(language, "compliance.csv.organization.not-submitted")
                : level.status() == null ? "" : Texts.get(language, "status." + level.status().name()));
        if (!level.submitted()) {
            csv.printRecord(office, status, submitted, "", "", "",
                    SpreadsheetCells.text(Texts.get(language, "compliance.csv.organization.no-answers")));
            return;
        }
        if (level.findings().isEmpty()) {
            csv.printRecord(office, status, submitted, "", "", "", "");
        }
        for (FindingView f : level.findings()) {
            csv.printRecord(office, status, submitted, SpreadsheetCells.text(Texts.get(language, "finding.severity." + f.severity().name())),
                    SpreadsheetCells.text(f.ruleId()), SpreadsheetCells.text(f.target().itemId() == null ? "" : f.target().itemId()),
                    SpreadsheetCells.text(f.messageInFiles(language)));
        }
    }
}
