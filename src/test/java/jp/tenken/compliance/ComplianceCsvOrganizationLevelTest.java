package jp.tenken.compliance;

import jp.tenken.api.FindingView;
import jp.tenken.engine.Language;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import jp.tenken.inspection.InspectionStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compliance list's CSV carries the organization-level section (CONTRACT §15) as a block after
 * the departments' table and one empty line, with the texts of the xlsx sheet 組織全体の項目, in
 * Japanese and English; the departments' table above it is unchanged.
 */
class ComplianceCsvOrganizationLevelTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    private static final List<UnitCompliance> UNITS = List.of(
            new UnitCompliance("市民課", InspectionStatus.COMPLIANT, new UnitCompliance.SelfInspection(true, "i-1", 0L, 0L), null, 0, List.of()),
            new UnitCompliance("デジタル推進課", InspectionStatus.COMPLIANT, new UnitCompliance.SelfInspection(true, "i-2", 0L, 0L), null, 0, List.of()));

    private static final FindingView TEC_18 = new FindingView("SI-ANSWER-MISSING", Severity.ERROR,
            "項目 TEC-18 が回答されていません", Target.item("TEC-18"));
    private static final FindingView OPS_08 = new FindingView("SI-REMEDIATION-MISSING", Severity.WARNING,
            "=項目 OPS-08 の是正措置がありません", Target.item("OPS-08"));

    /** Every line as its cells, the header included, the byte-order mark left off. */
    private static List<List<String>> lines(String csv) throws IOException {
        return CSVFormat.EXCEL.parse(new StringReader(csv.substring(1))).getRecords().stream()
                .map(CSVRecord::toList).toList();
    }

    @Test
    void anOrganizationLevelShortfallFollowsTheDepartmentsAfterAnEmptyLine() throws IOException {
        ComplianceList list = new ComplianceList("hiratsuka", 2024, AS_OF, UNITS, new ComplianceList.OrganizationLevel(
                "デジタル推進課", true, "i-2", InspectionStatus.NON_COMPLIANT, List.of(TEC_18, OPS_08)));
        String csv = ComplianceCsv.write(list, Language.JA);

        List<List<String>> lines = lines(csv);
        assertEquals(List.of("課", "状況", "自己点検提出", "自己点検エラー", "自己点検警告", "最終監査年度", "未完了の是正措置", "指摘"), lines.get(0));
        assertEquals("市民課", lines.get(1).get(0));
        assertEquals("デジタル推進課", lines.get(2).get(0));
        assertEquals(List.of(""), lines.get(3), "one empty line ends the departments' table");
        assertEquals(List.of("組織全体の項目(デジタル推進課が全庁分を回答)"), lines.get(4));
        assertEquals(List.of("回答する課", "状況", "自己点検提出", "重要度", "ルール", "項番", "指摘"), lines.get(5));
        assertEquals(List.of("デジタル推進課", "不適合", "提出済み", "エラー", "SI-ANSWER-MISSING", "TEC-18", "項目 TEC-18 が回答されていません"),
                lines.get(6));
        assertEquals(List.of("デジタル推進課", "不適合", "提出済み", "警告", "SI-REMEDIATION-MISSING", "OPS-08", "'=項目 OPS-08 の是正措置がありません"),
                lines.get(7), "a message that starts like a formula is neutralised here too");
        assertEquals(8, lines.size());
        assertEquals(8, csv.split("\r\n", -1).length - 1, "every line, the empty one too, ends with CRLF");

        // A reader of the departments' table alone: with the header, it reads the two departments and stops at the empty line.
        String table = csv.substring(1, csv.indexOf("\r\n\r\n") + 2);
        assertEquals(2, CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(table)).getRecords().size());
    }

    @Test
    void theBlockSaysSoWhenTheSecurityOfficeHasNotSubmitted() throws IOException {
        ComplianceList list = new ComplianceList("hiratsuka", 2024, AS_OF, UNITS,
                new ComplianceList.OrganizationLevel("デジタル推進課", false, null, null, List.of()));

        List<List<String>> ja = lines(ComplianceCsv.write(list, Language.JA));
        assertEquals(List.of("組織全体の項目(デジタル推進課が全庁分を回答)"), ja.get(4));
        assertEquals(List.of("デジタル推進課", "未提出", "未提出", "", "", "", "今年度の回答がありません"), ja.get(6));
        assertEquals(7, ja.size());

        List<List<String>> en = lines(ComplianceCsv.write(list, Language.EN));
        assertEquals(List.of("Organization-level items (answered for the whole organization by デジタル推進課)"), en.get(4));
        assertEquals(List.of("Answered by", "Status", "Self-inspection submitted", "Severity", "Rule", "Item", "Finding"), en.get(5));
        assertEquals(List.of("デジタル推進課", "Not submitted", "no", "", "", "", "No answers for this fiscal year yet"), en.get(6));
    }

    @Test
    void aSubmittedOfficeWithoutShortfallsHasOneLineAndNoSectionMeansNoBlock() throws IOException {
        ComplianceList clean = new ComplianceList("hiratsuka", 2024, AS_OF, UNITS, new ComplianceList.OrganizationLevel(
                "デジタル推進課", true, "i-2", InspectionStatus.COMPLIANT, List.of()));
        List<List<String>> en = lines(ComplianceCsv.write(clean, Language.EN));
        assertEquals(List.of("デジタル推進課", "Compliant", "yes", "", "", "", ""), en.get(6));
        assertEquals(7, en.size());

        // An organization without a security office, or a caller who may not see it: the departments alone, as before.
        assertEquals(3, lines(ComplianceCsv.write(new ComplianceList("hiratsuka", 2024, AS_OF, UNITS), Language.JA)).size());
    }
}
