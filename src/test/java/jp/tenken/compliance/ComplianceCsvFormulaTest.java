package jp.tenken.compliance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.api.FindingView;
import jp.tenken.api.Http;
import jp.tenken.engine.Language;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import jp.tenken.inspection.InspectionStatus;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSV formula injection (CONTRACT §9): a department name or a finding message that begins a cell
 * with =, +, -, @, a tab or a carriage return is written with a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it.
 */
@MicronautTest
@Property(name = "tenken.seeds-dir", value = "src/test/resources/formula-seeds")
class ComplianceCsvFormulaTest {

    private static final List<String> FORMULA_STARTS = List.of("=", "+", "-", "@", "\t", "\r");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OrganizationRegistry organizations;

    @Inject
    ApplicationContext context;

    private static List<CSVRecord> parse(String csv) throws IOException {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }

    private static boolean startsLikeAFormula(String cell) {
        return FORMULA_STARTS.stream().anyMatch(cell::startsWith);
    }

    @Test
    void theWriterNeutralisesEveryTextCellThatStartsLikeAFormula() throws IOException {
        List<UnitCompliance> units = new ArrayList<>();
        for (String start : FORMULA_STARTS) {
            String department = start + "課";
            FindingView finding = new FindingView("SI-NOT-SUBMITTED", Severity.ERROR, start + "HYPERLINK(\"http://x\")", Target.NONE);
            units.add(new UnitCompliance(department, InspectionStatus.NON_COMPLIANT,
                    new UnitCompliance.SelfInspection(false, null, null, null), null, 0, List.of(finding)));
        }
        String csv = ComplianceCsv.write(new ComplianceList("formula", 2025, LocalDate.of(2025, 6, 1), units), Language.JA);

        List<CSVRecord> records = parse(csv);
        assertEquals(units.size(), records.size());
        for (int i = 0; i < units.size(); i++) {
            CSVRecord record = records.get(i);
            assertEquals("'" + units.get(i).department(), record.get(0));
            assertEquals("'" + units.get(i).findings().get(0).message(), record.get(record.size() - 1));
            record.forEach(cell -> assertTrue(!startsLikeAFormula(cell), "cell " + cell + " of " + record));
        }
    }

    @Test
    void theComplianceListAsCsvNeutralisesDepartmentsAndFindings() throws IOException {
        // The list of the "formula" organization, as an auditor of it.
        String auditor = TestUsers.ensure(context, "auditor-formula", Set.of(Role.AUDITOR), "formula", Set.of());
        Http.Answer answer = Http.sendAs(client, auditor, HttpRequest.GET("/api/v1/compliance/units?organization=formula&fiscalYear=2025&format=csv"));
        assertEquals(200, answer.status(), answer.body());
        List<String> departments = organizations.directory("formula").orElseThrow().units().stream().map(Department::name).toList();

        List<CSVRecord> records = parse(answer.body());
        assertEquals(departments.size(), records.size());
        for (int i = 0; i < departments.size(); i++) {
            String department = departments.get(i);
            CSVRecord record = records.get(i);
            String prefix = startsLikeAFormula(department) ? "'" : "";
            assertEquals(prefix + department, record.get(0));
            assertTrue(record.get(record.size() - 1).startsWith(prefix + department), record.toString());
            record.forEach(cell -> assertTrue(!startsLikeAFormula(cell), "cell " + cell + " of " + record));
        }
    }
}
