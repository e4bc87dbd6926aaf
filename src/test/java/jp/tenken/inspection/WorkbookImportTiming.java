package jp.tenken.inspection;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The measurement behind docs/performance.md, "Self-inspection workbook" (issue 18: import of a
 * filled 73-item workbook, p95 ≤ 100 ms). Not part of the suite (its name does not end in Test);
 * run it alone on a quiet machine:
 * {@code mvn -q test -Dtest=WorkbookImportTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@MicronautTest
class WorkbookImportTiming {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Test
    void importOfAFilled73ItemWorkbook() throws Exception {
        String officer = TestUsers.officer(context, "officer-timing", "市民課");
        byte[] workbook = InspectionWorkbookTest.filledExample(client, officer);
        InspectionWorkbookImport reader = context.getBean(InspectionWorkbookImport.class);
        List<Double> posts = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> yamls = new ArrayList<>();
        byte[] yaml = java.nio.file.Files.readAllBytes(InspectionWorkbookTest.EXAMPLE);
        Runtime runtime = Runtime.getRuntime();
        long peak = 0;
        long allocated = 0;
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long start = System.nanoTime();
            Http.Answer answer = Workbooks.upload(client, officer, workbook);
            double post = (System.nanoTime() - start) / 1e6;
            assertEquals(201, answer.status(), answer.body());
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            start = System.nanoTime();
            reader.read(workbook);
            double read = (System.nanoTime() - start) / 1e6;
            allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
            start = System.nanoTime();
            Http.Answer same = Http.sendAs(client, officer, io.micronaut.http.HttpRequest.POST("/api/v1/inspections", yaml)
                    .contentType(io.micronaut.http.MediaType.of("application/x-yaml")));
            double asYaml = (System.nanoTime() - start) / 1e6;
            assertEquals(201, same.status(), same.body());
            if (i >= WARM_UP) {
                posts.add(post);
                reads.add(read);
                yamls.add(asYaml);
            }
        }
        System.out.printf("workbook import (%d KiB, %d items), %d after %d warm-up: POST /api/v1/inspections p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " reading the workbook alone p50 %.1f ms, p95 %.1f ms; the same answers as YAML p50 %.1f ms, p95 %.1f ms; one read allocates %d KiB; heap used at most %d MiB%n",
                workbook.length / 1024, Submissions.CHECKLIST.items().size(), MEASURED, WARM_UP,
                percentile(posts, 50), percentile(posts, 95), Collections.max(posts), percentile(reads, 50), percentile(reads, 95),
                percentile(yamls, 50), percentile(yamls, 95), allocated >> 10, peak >> 20);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    }
}
