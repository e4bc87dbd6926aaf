package jp.tenken.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.management.ThreadMXBean;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestEngine;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.document.DocumentFormat;
import jp.tenken.organization.Department;
import jp.tenken.plan.PlanDocument;
import jp.tenken.plan.PlanWorkbookReader;
import jp.tenken.plan.PlanWorkbooks;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The measurement behind docs/performance.md, "Plan workbook" (issue 18 point 2): export and import
 * of the city's 43-initiative action plan (in the JVM and over HTTP) and of a generated plan of
 * 5,000 initiatives (in the JVM, as check-plan reads it: the service takes at most 2,000). Not part
 * of the suite (its name does not end in Test); run it alone on a quiet machine:
 * {@code mvn -q test -Dtest=PlanWorkbookTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@MicronautTest
class PlanWorkbookTiming {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void exportAndImportTimes() throws Exception {
        PlanWorkbookReader reader = context.getBean(PlanWorkbookReader.class);
        PlanDocument city = TestEngine.reader().read(Files.readAllBytes(Fixtures.DX_PLAN), DocumentFormat.YAML, PlanDocument.class);
        List<String> departments = TestEngine.registry().directory("hiratsuka").orElseThrow().units().stream()
                .map(Department::name).toList();
        byte[] generatedJson = JsonMapper.builder().build().writeValueAsBytes(PlanGenerator.plan(5_000, departments, 42));
        PlanDocument generated = TestEngine.reader().read(generatedJson, DocumentFormat.JSON, PlanDocument.class);

        report("43 initiatives (the city's action plan)", city, reader, 20, 50);
        report("5,000 initiatives (generated)", generated, reader, 2, 5);

        String editor = TestUsers.editor(context);
        byte[] workbook = PlanWorkbooks.export(city);
        byte[] yaml = Files.readAllBytes(Fixtures.DX_PLAN);
        Http.Answer stored = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans", yaml).contentType("application/x-yaml"));
        assertEquals(201, stored.status());
        List<Double> posts = new ArrayList<>();
        List<Double> yamls = new ArrayList<>();
        List<Double> gets = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long start = System.nanoTime();
            Http.Answer answer = PlanWorkbooks.post(client, editor, "/api/v1/plans/check", workbook);
            double post = (System.nanoTime() - start) / 1e6;
            assertEquals(200, answer.status(), answer.body());
            start = System.nanoTime();
            answer = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans/check", yaml).contentType("application/x-yaml"));
            double yamlPost = (System.nanoTime() - start) / 1e6;
            assertEquals(200, answer.status());
            start = System.nanoTime();
            byte[] got = client.toBlocking().retrieve(TestUsers.as(editor, HttpRequest.GET("/api/v1/plans/hiratsuka-dx-action-plan?format=xlsx")),
                    byte[].class);
            double get = (System.nanoTime() - start) / 1e6;
            assertEquals(true, got.length > 0);
            if (i >= 20) {
                posts.add(post);
                yamls.add(yamlPost);
                gets.add(get);
            }
        }
        System.out.printf("HTTP, 43 initiatives, 50 measured after 20: POST /plans/check xlsx p50 %.1f p95 %.1f ms; YAML p50 %.1f p95 %.1f ms;"
                        + " GET ?format=xlsx p50 %.1f p95 %.1f ms; load %.2f%n",
                p(posts, 50), p(posts, 95), p(yamls, 50), p(yamls, 95), p(gets, 50), p(gets, 95), load());
    }

    private void report(String name, PlanDocument plan, PlanWorkbookReader reader, int warmUp, int measured) {
        List<Double> exports = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        long exportAllocated = 0;
        long importAllocated = 0;
        byte[] workbook = null;
        for (int i = 0; i < warmUp + measured; i++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            workbook = PlanWorkbooks.export(plan);
            double export = (System.nanoTime() - start) / 1e6;
            exportAllocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            byte[] bytes = workbook;
            allocated = threads.getCurrentThreadAllocatedBytes();
            start = System.nanoTime();
            PlanDocument back = timed(() -> reader.read(bytes, 1_000_000).plan());
            double read = (System.nanoTime() - start) / 1e6;
            importAllocated = threads.getCurrentThreadAllocatedBytes() - allocated;
            assertEquals(plan, back);
            if (i >= warmUp) {
                exports.add(export);
                imports.add(read);
            }
        }
        System.out.printf("%s: workbook %d KiB; export p50 %.1f max %.1f ms (allocates %d MiB); import p50 %.1f max %.1f ms"
                        + " (allocates %d MiB); %d measured after %d; load %.2f%n",
                name, workbook.length / 1024, p(exports, 50), p(exports, 100), exportAllocated >> 20,
                p(imports, 50), p(imports, 100), importAllocated >> 20, measured, warmUp, load());
    }

    private static <T> T timed(Supplier<T> work) {
        return work.get();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
