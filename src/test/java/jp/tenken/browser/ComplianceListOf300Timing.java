package jp.tenken.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.account.Role;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.inspection.InspectionService;
import jp.tenken.inspection.InspectionSubmission;
import jp.tenken.inspection.Submissions;
import jp.tenken.text.JapaneseDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compliance list page of an organization of 300 departments (issue 17's size) as Chromium
 * loads it: time to first byte and DOMContentLoaded, printed, not asserted (timings belong in
 * docs/performance.md, never in a test's verdict). Not part of the suite (its name does not end in
 * Test): run it with {@code mvn test -Dtest=ComplianceListOf300Timing}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceListOf300Timing implements TestPropertyProvider {

    private static final String ORGANIZATION = "timing-city";
    private static final int DEPARTMENTS = 300;

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path seeds = Files.createTempDirectory("tenken-timing");
            Path organizations = Files.createDirectories(seeds.resolve("organizations"));
            Files.copy(Path.of("seeds/organizations/hiratsuka.yaml"), organizations.resolve("hiratsuka.yaml"));
            StringBuilder yaml = new StringBuilder("id: " + ORGANIZATION + "\nname: 計測市\ndepartments:\n");
            for (int i = 1; i <= DEPARTMENTS; i++) {
                yaml.append("  - { name: ").append(department(i)).append(", group: false }\n");
            }
            Files.writeString(organizations.resolve(ORGANIZATION + ".yaml"), yaml.toString());
            return Map.of("tenken.seeds-dir", seeds.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String department(int i) {
        return String.format("部署%03d課", i);
    }

    @Test
    void theListOf300DepartmentsIsTimedInChromium() throws Exception {
        int fiscalYear = JapaneseDates.fiscalYearOf(JapaneseDates.today());
        DocumentReader reader = context.getBean(DocumentReader.class);
        InspectionService inspections = context.getBean(InspectionService.class);
        ObjectMapper json = new ObjectMapper();
        // Every tenth department answers いいえ without a remediation; a third have not submitted.
        for (int i = 1; i <= DEPARTMENTS; i++) {
            if (i % 3 == 0) {
                continue;
            }
            Map<String, Object> body = i % 10 == 1
                    ? Submissions.submission(department(i), fiscalYear, id -> id.equals("ORG-02") ? Map.of("answer", "NO") : null)
                    : Submissions.compliant(department(i), fiscalYear);
            body.put("organization", ORGANIZATION);
            body.put("submittedOn", JapaneseDates.today().toString());
            inspections.submit(TestUsers.adminCaller(), reader.read(json.writeValueAsBytes(body), DocumentFormat.JSON,
                    InspectionSubmission.class));
        }
        String auditor = TestUsers.ensure(context, "timing-auditor", Set.of(Role.AUDITOR), ORGANIZATION, Set.of());
        browser.serve(server).logIn(auditor);
        String path = "/compliance?fiscalYear=" + fiscalYear;
        List<Double> firstByte = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            browser.open(path);
            Object responseTime = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const n = performance.getEntriesByType('navigation')[0]; return n.responseStart - n.requestStart;");
            if (i >= 10) { // after warming up
                firstByte.add(((Number) responseTime).doubleValue());
                loaded.add(browser.domContentLoadedMillis());
            }
        }
        assertEquals(DEPARTMENTS, browser.driver().findElements(By.cssSelector("tr[data-department]")).size(), "a line per department");
        Object bytes = ((JavascriptExecutor) browser.driver()).executeScript(
                "return performance.getEntriesByType('navigation')[0].decodedBodySize;");
        System.out.printf("compliance list, %d departments (%s bytes of HTML): time to first byte p50 %.1f ms p95 %.1f ms;"
                        + " DOMContentLoaded p50 %.1f ms p95 %.1f ms (30 loads)%n", DEPARTMENTS, bytes,
                percentile(firstByte, 50), percentile(firstByte, 95), percentile(loaded, 50), percentile(loaded, 95));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
