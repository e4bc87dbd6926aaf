package jp.tenken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jp.tenken.activity.ActivityLog;
import jp.tenken.audit.AuditFinding;
import jp.tenken.audit.AuditRecord;
import jp.tenken.audit.Auditor;
import jp.tenken.audit.CorrectiveAction;
import jp.tenken.audit.JdbcAuditStore;
import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;
import jp.tenken.evaluation.EvaluationChecker;
import jp.tenken.inspection.Answer;
import jp.tenken.inspection.AnswerValue;
import jp.tenken.inspection.InspectionChecker;
import jp.tenken.inspection.InspectionSubmission;
import jp.tenken.inspection.JdbcInspectionStore;
import jp.tenken.inspection.Remediation;
import jp.tenken.organization.Department;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.PlanChecker;
import jp.tenken.plan.PlanDocument;
import jp.tenken.storage.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench}: measures, in one run, what docs/performance.md reports — plan checks against the
 * Jackson parse floor at four sizes, heap for the largest, start-up, HTTP throughput with wrk, the
 * compliance list on H2 and PostgreSQL, and the cost of a durable write — and writes the figures
 * to a Markdown file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures check speed, growth, memory, start-up, HTTP throughput, the compliance list and the cost of a write.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "docs/bench-results.md", description = "where the figures are written")
    Path out;

    @Option(names = "--sizes", defaultValue = "43,500,5000,50000", split = ",", description = "plan sizes (initiatives)")
    List<Integer> sizes;

    @Option(names = "--http-seconds", defaultValue = "20", description = "length of the measured wrk run")
    int httpSeconds;

    @Option(names = "--http-warmup-seconds", defaultValue = "60",
            description = "load before the measured run, until the JIT has compiled the request path")
    int httpWarmupSeconds;

    @Option(names = "--postgres-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
            description = "a PostgreSQL database the bench may create a scratch database from (user postgres)")
    String postgresUrl;

    @Option(names = "--organizations", defaultValue = "0",
            description = "also measure the compliance list and coverage of one organization on PostgreSQL among this many"
                    + " (1741: every municipality of Japan, 100 departments and 5 years each; takes minutes and gigabytes)")
    int manyOrganizations;

    @Option(names = "--skip", split = ",", defaultValue = "", description = "sections to leave out: engine,evaluations,startup,http,compliance,writes,bounded,pages"
                    + " (the many-organizations section runs only with --organizations)")
    List<String> skip;

    @Inject
    DocumentReader reader;
    @Inject
    PlanChecker checker;
    @Inject
    OrganizationRegistry organizations;
    @Inject
    RuleBase ruleBase;
    @Inject
    ChecklistRegistry checklists;
    @Inject
    EvaluationChecker evaluationChecker;

    private final StringBuilder report = new StringBuilder();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        line("# Tenken benchmark results");
        line("");
        line("Run " + LocalDateTime.now().withNano(0) + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, collector "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(" + ")) + ". Command: `"
                + String.join(" ", commandLine()) + "`.");
        if (!usesReadmeCollector()) {
            line("");
            line("**This run used the JVM's default collector**, not the parallel collector the README runs Tenken with;"
                    + " run the bench as docs/performance.md writes it for figures comparable with the targets.");
        }
        line("");
        if (!skip.contains("engine")) {
            engine();
        }
        Path jar = jar();
        if (!skip.contains("evaluations")) {
            EvaluationBench.run(reader, evaluationChecker, jar, new LinkedHashMap<>(folders()), this::line);
        }
        if (jar == null) {
            line("(not run from the jar: start-up, HTTP, compliance-list and write sections skipped)");
        } else {
            if (!skip.contains("startup") || !skip.contains("http")) {
                startupAndHttp(jar);
            }
            if (!skip.contains("compliance")) {
                complianceList(jar);
            }
            if (!skip.contains("writes")) {
                writeCost(jar);
            }
            if (!skip.contains("bounded")) {
                BoundedWorkBench.run(jar, new LinkedHashMap<>(folders()), smallPlan(), this::line);
            }
            if (!skip.contains("pages")) {
                PageBench.run(jar, new LinkedHashMap<>(folders()), this::line);
            }
            if (manyOrganizations > 0) {
                Path towns = ManyOrganizationsBench.seeds();
                InspectionChecker inspections = new InspectionChecker(ruleBase, checklists, OrganizationRegistry.load(towns));
                ManyOrganizationsBench.run(jar, postgresUrl, manyOrganizations, towns, folders(),
                        (dataSource, organization, departments) -> populate(dataSource, organization, departments, inspections),
                        this::line);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println("figures written to " + out);
        return 0;
    }

    /** The command that started this run, with its JVM options, as a reader would type it. */
    private List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-jar", "target/tenken-0.1.0.jar", "bench"));
        String arguments = System.getProperty("sun.java.command", "");
        int first = arguments.indexOf(" bench");
        if (first >= 0) {
            command.add(arguments.substring(first + " bench".length()).strip());
        }
        command.removeIf(String::isEmpty);
        return command;
    }

    /** Whether this JVM runs the parallel collector, as the README's run command does. */
    private static boolean usesReadmeCollector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("PS "));
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    // ---------------------------------------------------------------- engine

    private void engine() throws Exception {
        List<String> departments = organizations.directory("hiratsuka").orElseThrow().units().stream().map(Department::name).toList();
        ObjectMapper parser = reader.mapper(DocumentFormat.JSON);
        line("## Plan check against the parse floor");
        line("");
        line("Generated plans (registry departments, three fiscal years, sheets, goals, a security programme; about 1% of");
        line("initiatives carry an inconsistency). *parse*: Jackson alone, JSON to the plan types (the floor). *check*: the");
        line("rules through the engine (facts + session + firing + sorting). *read+check*: what a request costs beyond");
        line("HTTP (parse, Bean Validation, check). Measured after 5 s of checking a 500-initiative plan. Medians; *GC in check*: mean garbage-collection time (pauses) that fell");
        line("inside the check, from the JVM's collector counters.");
        line("");
        line("| initiatives | JSON size | parse ms | validate ms | check ms | read+check ms | check / parse | read+check / parse | GC in check ms | findings |");
        line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        warmUp(departments);
        Map<Integer, Double> checkMillis = new LinkedHashMap<>();
        Map<Integer, Double> checkWithoutGcMillis = new LinkedHashMap<>();
        for (int size : sizes) {
            byte[] body = json.writeValueAsBytes(PlanGenerator.plan(size, departments, 42));
            int rounds = size <= 100 ? 300 : size <= 1000 ? 60 : size <= 10_000 ? 20 : 8;
            int warmup = size <= 100 ? 300 : size <= 1000 ? 30 : size <= 10_000 ? 10 : 3;
            Stats parse = new Stats();
            Stats read = new Stats();
            Stats check = new Stats();
            Stats gc = new Stats();
            Stats checkWithoutGc = new Stats();
            int findings = 0;
            for (int i = 0; i < warmup + rounds; i++) {
                long t0 = System.nanoTime();
                parser.readValue(body, PlanDocument.class);
                long t1 = System.nanoTime();
                PlanDocument plan = reader.read(body, DocumentFormat.JSON, PlanDocument.class);
                long gcBefore = gcMillis();
                long t2 = System.nanoTime();
                findings = checker.check(plan).findings().size();
                long t3 = System.nanoTime();
                if (i >= warmup) {
                    parse.add(t1 - t0);
                    read.add(t2 - t1);
                    check.add(t3 - t2);
                    long gcNanos = (gcMillis() - gcBefore) * 1_000_000;
                    gc.add(gcNanos);
                    checkWithoutGc.add(Math.max(0, t3 - t2 - gcNanos));
                }
            }
            double validate = Math.max(0, read.median() - parse.median());
            checkMillis.put(size, check.median());
            checkWithoutGcMillis.put(size, checkWithoutGc.median());
            line(String.format(Locale.ROOT, "| %,d | %,d KB | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %,d |", size, body.length / 1024,
                    parse.median(), validate, check.median(), read.median() + check.median(),
                    check.median() / parse.median(), (read.median() + check.median()) / parse.median(), gc.mean(), findings));
        }
        line("");
        if (checkMillis.containsKey(5000) && checkMillis.containsKey(50000)) {
            line(String.format(Locale.ROOT, "Growth: check time(50,000) / time(5,000) = **%.2f** (linear would be 10); "
                            + "without the collector's pauses that fell inside the checks (median of check minus GC per round): %.2f.",
                    checkMillis.get(50000) / checkMillis.get(5000), checkWithoutGcMillis.get(50000) / checkWithoutGcMillis.get(5000)));
            line("");
        }
        int largest = sizes.stream().max(Integer::compare).orElse(0);
        memory(largest, departments);
    }

    /**
     * Reads and checks a mid-sized plan for a few seconds before anything is measured, so that the
     * first size in the table is not measured while the JIT is still compiling the engine.
     */
    private void warmUp(List<String> departments) throws Exception {
        byte[] body = json.writeValueAsBytes(PlanGenerator.plan(500, departments, 7));
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            checker.check(reader.read(body, DocumentFormat.JSON, PlanDocument.class));
        }
    }

    /** Total time the JVM's collectors have spent, in milliseconds. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private void memory(int size, List<String> departments) throws Exception {
        byte[] body = json.writeValueAsBytes(PlanGenerator.plan(size, departments, 42));
        PlanDocument plan = reader.read(body, DocumentFormat.JSON, PlanDocument.class);
        checker.check(plan);
        System.gc();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        checker.check(plan);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        line("## Heap for the largest check");
        line("");
        line(String.format(Locale.ROOT, "Checking the %,d-initiative plan (document already in memory, %.1f MiB of heap in use before): "
                        + "**%.1f MiB allocated** by the check, heap peak **%.1f MiB** above what was in use before.",
                size, before / 1048576.0, allocated / 1048576.0, Math.max(0, peak - before) / 1048576.0));
        line("");
    }

    // ---------------------------------------------------------------- start-up and HTTP

    /**
     * The JVM options of the README's run command: the class-data-sharing archive the build writes
     * next to the jar (when it is there) and the parallel collector.
     */
    static List<String> readmeJvmOptions(Path jar) {
        Path archive = jar.resolveSibling("tenken.jsa");
        return Files.exists(archive)
                ? List.of("-XX:+UseParallelGC", "-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:+UseParallelGC");
    }

    /** The options as the README writes them, with the archive relative to the project. */
    private static String shown(List<String> options, Path jar) {
        return String.join(" ", options).replace(jar.resolveSibling("tenken.jsa").toString(), "target/tenken.jsa");
    }

    private void startupAndHttp(Path jar) throws Exception {
        Path work = Files.createTempDirectory("tenken-bench");
        Map<String, String> env = new LinkedHashMap<>(folders());
        Stats plain = new Stats();
        Stats compile = new Stats();
        for (int i = 0; i < 3; i++) {
            env.put("TENKEN_DATA_DIR", Files.createDirectories(work.resolve("data-" + i)).toString());
            try (ServerProcess server = ServerProcess.start(jar, work, env)) {
                plain.add(server.millisToHealthy * 1_000_000);
                compile.add(server.ruleCompileMillis() * 1_000_000);
            }
        }
        List<String> options = readmeJvmOptions(jar);
        Stats readme = new Stats();
        for (int i = 0; i < 3; i++) {
            env.put("TENKEN_DATA_DIR", Files.createDirectories(work.resolve("data-readme-" + i)).toString());
            try (ServerProcess server = ServerProcess.start(jar, options, work, env)) {
                readme.add(server.millisToHealthy * 1_000_000);
                if (i == 2 && !skip.contains("http")) {
                    http(server, shown(options, jar));
                }
            }
        }
        line("## Start-up");
        line("");
        line("From `java … -jar target/tenken-0.1.0.jar` to `/health` answering 200 on an empty H2 data folder, medians of 3:");
        line("");
        line("| command | healthy after | the three starts |");
        line("| --- | ---: | --- |");
        line(String.format(Locale.ROOT, "| `java %s -jar target/tenken-0.1.0.jar` (the README's) | **%.0f ms** | %s |",
                shown(options, jar),
                readme.median(), readme.all()));
        line(String.format(Locale.ROOT, "| `java -jar target/tenken-0.1.0.jar` | **%.0f ms** | %s |", plain.median(), plain.all()));
        line("");
        line(String.format(Locale.ROOT, "Rule compilation took %.0f ms of the plain start, in parallel with the rest of it.%s",
                compile.median(), Files.exists(jar.resolveSibling("tenken.jsa")) ? ""
                        : " No class-data-sharing archive next to the jar (`mvn package` writes target/tenken.jsa): the README's start ran without it."));
        line("");
    }

    /** The city's action plan as JSON: the everyday document of the HTTP measurements. */
    private byte[] smallPlan() throws Exception {
        Path yaml = Path.of(System.getenv().getOrDefault("TENKEN_SEEDS_DIR", "seeds"), "plans", "hiratsuka-dx-action-plan-2024-2026.yaml");
        return json.writeValueAsBytes(new YAMLMapper().readTree(yaml.toFile()));
    }

    private void http(ServerProcess server, String shownOptions) throws Exception {
        byte[] body = smallPlan();
        String url = server.url("/api/v1/plans/check");
        line("## HTTP throughput of POST /api/v1/plans/check");
        line("");
        if (!onPath("wrk")) {
            line("wrk is not installed (`apt-get install wrk`); HTTP section skipped.");
            line("");
            return;
        }
        Path script = Files.createTempFile("tenken-bench", ".lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \""
                + ServerProcess.AUTHORIZATION + "\"\nwrk.body = [==["
                + new String(body, StandardCharsets.UTF_8) + "]==]\n");
        String warmup = run(List.of("wrk", "-t2", "-c32", "-d" + httpWarmupSeconds + "s", "-s", script.toString(), url));
        String output = run(List.of("wrk", "-t2", "-c32", "-d" + httpSeconds + "s", "--latency", "-s", script.toString(), url));
        Files.deleteIfExists(script);
        line("The service started as the README starts it (`java " + shownOptions
                + " -jar …`). The city's 43-initiative action plan as JSON (" + body.length / 1024 + " KB), wrk with 2 threads and 32 connections for "
                + httpSeconds + " s after a " + httpWarmupSeconds + " s warm-up, on the same machine as the service (they share its cores).");
        line("");
        line("| requests/s | p50 | p90 | p99 | non-2xx | during the warm-up |");
        line("| ---: | ---: | ---: | ---: | ---: | ---: |");
        line("| **" + find(output, "Requests/sec:\\s+([\\d.]+)") + "** | " + percentile(output, 50) + " | "
                + percentile(output, 90) + " | " + percentile(output, 99) + " | "
                + (output.contains("Non-2xx") ? find(output, "Non-2xx or 3xx responses: (\\d+)") : "0") + " | "
                + find(warmup, "Requests/sec:\\s+([\\d.]+)") + " req/s |");
        line("");
    }

    // ---------------------------------------------------------------- compliance list

    private void complianceList(Path jar) throws Exception {
        Path seeds = Files.createTempDirectory("tenken-bench-seeds");
        Files.createDirectories(seeds.resolve("organizations"));
        List<String> units = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("id: bench-city\nname: ベンチ市\ndepartments:\n");
        for (int i = 1; i <= 300; i++) {
            String name = String.format("部署%03d課", i);
            units.add(name);
            yaml.append("  - { name: ").append(name).append(", group: false }\n");
        }
        yaml.append("  - { name: 庁内各課, group: true }\n");
        Files.writeString(seeds.resolve("organizations/bench-city.yaml"), yaml.toString());
        OrganizationRegistry registry = OrganizationRegistry.load(seeds);
        InspectionChecker inspections = new InspectionChecker(ruleBase, checklists, registry);

        line("## Compliance list of 300 departments");
        line("");
        line("An organization of 300 departments with five fiscal years (FY2021–2025) of self-inspections (one per");
        line("department and year, a tenth of them non-compliant) and audits (each department audited in two of the years,");
        line("one corrective action each, some overdue) stored; `GET /api/v1/compliance/units?organization=bench-city&fiscalYear=2025`");
        line("against the running service, medians of 50 requests after 10 warm-up requests.");
        line("");
        line("| database | rows stored | median | p99 |");
        line("| --- | ---: | ---: | ---: |");
        Path h2dir = Files.createTempDirectory("tenken-bench-h2");
        measureCompliance(jar, seeds, "H2 (files)", "jdbc:h2:file:" + h2dir.resolve("tenken"), "sa", units, inspections, null);
        String database = "tenken_bench_" + System.currentTimeMillis();
        try {
            sql(postgresUrl, "CREATE DATABASE " + database);
            String url = postgresUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            measureCompliance(jar, seeds, "PostgreSQL", url, "postgres", units, inspections, database);
        } catch (Exception e) {
            line("| PostgreSQL | – | not measured: " + e.getMessage().lines().findFirst().orElse("") + " | |");
        } finally {
            try {
                sql(postgresUrl, "DROP DATABASE IF EXISTS " + database);
            } catch (Exception ignored) {
                // the scratch database stays; harmless
            }
        }
        line("");
        line("The compliance list **page** (`/compliance?fiscalYear=2025`, the same departments) as an auditor of the"
                + " organization logged in through the form, 50 requests after 10 warm-up ones, request to last byte (target p95 ≤ 50 ms):");
        line("");
        line("| database | p50 | p95 | p99 |");
        line("| --- | ---: | ---: | ---: |");
        compliancePages.forEach(this::line);
        line("");
        line("The same list as a **file** (CONTRACT §9: `…&format=xlsx`, `…&format=pdf`), the 300 departments with their"
                + " findings and open corrective actions, 30 requests after 10 warm-up ones, request to last byte"
                + " (targets: xlsx ≤ 300 ms, PDF ≤ 1 s):");
        line("");
        line("| database | format | size | p50 | p95 | max |");
        line("| --- | --- | ---: | ---: | ---: | ---: |");
        complianceExports.forEach(this::line);
        line("");
    }

    private void measureCompliance(Path jar, Path seeds, String label, String url, String user, List<String> units,
                                   InspectionChecker inspections, String database) throws Exception {
        int rows;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Migrations.migrate(dataSource);
            rows = populate(dataSource, units, inspections);
        }
        Map<String, String> env = new LinkedHashMap<>(folders());
        env.put("TENKEN_SEEDS_DIR", seeds.toString());
        env.put("DATASOURCES_DEFAULT_URL", url);
        env.put("DATASOURCES_DEFAULT_USERNAME", user);
        try (ServerProcess server = ServerProcess.start(jar, readmeJvmOptions(jar), seeds, env)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(
                    "/api/v1/compliance/units?organization=bench-city&fiscalYear=2025&asOf=2025-12-01")))
                    .header("Authorization", ServerProcess.AUTHORIZATION).build();
            Stats stats = new Stats();
            for (int i = 0; i < 60; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("compliance list answered " + response.statusCode());
                }
                if (i >= 10) {
                    stats.add(System.nanoTime() - t0);
                }
            }
            line(String.format(Locale.ROOT, "| %s | %,d | **%.1f ms** | %.1f ms |", label, rows, stats.median(), stats.percentile(99)));
            for (String format : List.of("xlsx", "pdf")) {
                HttpRequest export = HttpRequest.newBuilder(URI.create(server.url(
                        "/api/v1/compliance/units?organization=bench-city&fiscalYear=2025&asOf=2025-12-01&format=" + format)))
                        .header("Authorization", ServerProcess.AUTHORIZATION).build();
                Stats exports = new Stats();
                int size = 0;
                for (int i = 0; i < 40; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(export, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("compliance list as " + format + " answered " + response.statusCode());
                    }
                    size = response.body().length;
                    if (i >= 10) {
                        exports.add(System.nanoTime() - t0);
                    }
                }
                complianceExports.add(String.format(Locale.ROOT, "| %s | %s | %,d KiB | %.1f ms | **%.1f ms** | %.1f ms |", label,
                        format, size / 1024, exports.median(), exports.percentile(95), exports.percentile(100)));
            }
            Stats page = PageBench.compliancePage(server, "bench-city", 2025);
            compliancePages.add(String.format(Locale.ROOT, "| %s | %.1f ms | **%.1f ms** | %.1f ms |", label, page.median(),
                    page.percentile(95), page.percentile(99)));
        }
    }

    /** The compliance list page's figures of each database, shown after the API's table. */
    private final List<String> compliancePages = new ArrayList<>();
    /** The compliance list's xlsx and PDF figures of each database, shown after the page's. */
    private final List<String> complianceExports = new ArrayList<>();

    private static final String BENCH_USER = "bench";

    private int populate(HikariDataSource dataSource, List<String> units, InspectionChecker inspections) {
        return populate(dataSource, "bench-city", units, inspections);
    }

    /**
     * Five fiscal years (FY2021–2025) of one organization: a self-inspection of each department and
     * year through the real checker and store, a tenth non-compliant, and an audit with one corrective
     * action for a third of them. Returns the rows stored.
     */
    int populate(javax.sql.DataSource dataSource, String organization, List<String> units, InspectionChecker inspections) {
        // The rows are written as a user named "bench" would write them, each with its activity entry.
        ActivityLog activityLog = new ActivityLog(dataSource);
        JdbcInspectionStore inspectionStore = new JdbcInspectionStore(dataSource, activityLog);
        JdbcAuditStore auditStore = new JdbcAuditStore(dataSource, activityLog);
        Checklist checklist = checklists.checklist("municipal-security-self-inspection").orElseThrow();
        Random random = new Random(7);
        int rows = 0;
        for (int year = 2021; year <= 2025; year++) {
            for (int u = 0; u < units.size(); u++) {
                String unit = units.get(u);
                boolean flawed = random.nextInt(10) == 0;
                List<Answer> answers = new ArrayList<>();
                for (ChecklistItem item : checklist.items()) {
                    if (item.answerType() == AnswerType.PERCENT) {
                        answers.add(new Answer(item.id(), null, BigDecimal.valueOf(100), null, null));
                    } else if (flawed && item.severity() == ItemSeverity.HIGH && answers.size() % 7 == 0) {
                        answers.add(new Answer(item.id(), AnswerValue.NO, null, null, null));
                    } else {
                        answers.add(new Answer(item.id(), AnswerValue.YES, null, "記録あり", null));
                    }
                }
                InspectionSubmission submission = new InspectionSubmission(checklist.id(), organization, unit, year,
                        LocalDate.of(year, 10, 15), answers);
                inspectionStore.store(inspections.check(submission, List.of()), BENCH_USER);
                rows++;
                if ((u + year) % 3 == 0) {
                    LocalDate due = LocalDate.of(year + 1, 3, 31);
                    boolean done = random.nextInt(4) != 0;
                    auditStore.store(new AuditRecord(organization, unit, year, LocalDate.of(year, 11, 20),
                            List.of(new Auditor("監査員", units.get((u + 1) % units.size()))),
                            List.of(new AuditFinding("F1", "PHY-02", random.nextBoolean() ? ItemSeverity.HIGH : ItemSeverity.MEDIUM,
                                    "指摘", new CorrectiveAction("是正", due, done ? due.minusDays(10) : null)))), BENCH_USER);
                    rows++;
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- cost of a write

    private static final int WRITES_WARMUP = 50;
    private static final int WRITES_MEASURED = 300;

    /**
     * Sequential plan uploads on H2 as the service opens its files (every commit written before it
     * returns, defragmented at stop), on H2 with H2's own defaults spelled out in the URL (the
     * service keeps a URL's own settings; not durable, for comparison only), and on PostgreSQL.
     */
    private void writeCost(Path jar) throws Exception {
        List<String> departments = organizations.directory("hiratsuka").orElseThrow().units().stream().map(Department::name).toList();
        List<byte[]> plans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> plan = new LinkedHashMap<>(PlanGenerator.plan(3, departments, i));
            plan.put("id", "bench-write-" + i);
            plans.add(json.writeValueAsBytes(plan));
        }
        line("## Cost of a write");
        line("");
        line(String.format(Locale.ROOT, "`POST /api/v1/plans` of a 3-initiative plan (%,d bytes of JSON; ten plan ids in turn, so each"
                + " upload is a new version), one after the other: %d warm-up uploads, then %d measured. The service started as"
                + " the README starts it, on an empty database. *File growth*: the H2 data file during the measured uploads;"
                + " *after stop*: its size once the service has stopped normally (SIGTERM), and how long the stop took.",
                plans.get(0).length, WRITES_WARMUP, WRITES_MEASURED));
        line("");
        line("| database | median | p90 | p99 | file growth per write | file after the writes | after stop | stop took |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Path h2 = Files.createTempDirectory("tenken-bench-writes");
        Map<String, String> durable = new LinkedHashMap<>(folders());
        durable.put("TENKEN_DATA_DIR", h2.resolve("durable").toString());
        measureWrites(jar, "H2 files as the service opens them (each commit written before it returns)", durable, plans,
                h2.resolve("durable/tenken.mv.db"));
        Map<String, String> delayed = new LinkedHashMap<>(folders());
        delayed.put("DATASOURCES_DEFAULT_URL", "jdbc:h2:file:" + h2.resolve("delayed/tenken") + ";WRITE_DELAY=500;DEFRAG_ALWAYS=FALSE");
        delayed.put("DATASOURCES_DEFAULT_USERNAME", "sa");
        measureWrites(jar, "H2 files with H2's defaults (write delay 500 ms, no defragmentation; *not durable*, for comparison)", delayed, plans,
                h2.resolve("delayed/tenken.mv.db"));
        String database = "tenken_bench_writes_" + System.currentTimeMillis();
        try {
            sql(postgresUrl, "CREATE DATABASE " + database);
            Map<String, String> postgres = new LinkedHashMap<>(folders());
            postgres.put("DATASOURCES_DEFAULT_URL", postgresUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
            postgres.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
            measureWrites(jar, "PostgreSQL", postgres, plans, null);
        } catch (Exception e) {
            line("| PostgreSQL | not measured: " + e.getMessage().lines().findFirst().orElse("") + " | | | | | | |");
        } finally {
            try {
                sql(postgresUrl, "DROP DATABASE IF EXISTS " + database);
            } catch (Exception ignored) {
                // the scratch database stays; harmless
            }
        }
        line("");
    }

    private void measureWrites(Path jar, String label, Map<String, String> env, List<byte[]> plans, Path h2File) throws Exception {
        Path work = Files.createTempDirectory("tenken-bench-writes-work");
        try (ServerProcess server = ServerProcess.start(jar, readmeJvmOptions(jar), work, env)) {
            WriteCost.Result result = WriteCost.measure(server, plans, WRITES_WARMUP, WRITES_MEASURED, h2File);
            Stats latency = result.latency();
            line(h2File == null
                    ? String.format(Locale.ROOT, "| %s | **%.1f ms** | %.1f ms | %.1f ms | – | – | – | %,d ms |", label,
                            latency.median(), latency.percentile(90), latency.percentile(99), result.stopMillis())
                    : String.format(Locale.ROOT, "| %s | **%.1f ms** | %.1f ms | %.1f ms | %.1f KiB | %,d KiB | %,d KiB | %,d ms |",
                            label, latency.median(), latency.percentile(90), latency.percentile(99), result.kibPerWrite(),
                            result.fileAfterWrites() / 1024, result.fileAfterStop() / 1024, result.stopMillis()));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The rules, seeds and checklists folders of this run, passed on to the service processes. */
    private static Map<String, String> folders() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TENKEN_RULES_DIR", Path.of(System.getenv().getOrDefault("TENKEN_RULES_DIR", "rules")).toAbsolutePath().toString());
        env.put("TENKEN_SEEDS_DIR", Path.of(System.getenv().getOrDefault("TENKEN_SEEDS_DIR", "seeds")).toAbsolutePath().toString());
        env.put("TENKEN_CHECKLISTS_DIR", Path.of(System.getenv().getOrDefault("TENKEN_CHECKLISTS_DIR", "checklists")).toAbsolutePath().toString());
        return env;
    }

    private static Path jar() {
        try {
            Path location = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (Exception e) {
            return null;
        }
    }

    static void sql(String url, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /**
     * A latency percentile from wrk's distribution, which lists one per line ("  50%   8.59ms");
     * the thread statistics above it end in percentages too ("90.50%"), so the line start counts.
     */
    private static String percentile(String wrkOutput, int percent) {
        return find(wrkOutput, "(?m)^\\s*" + percent + "%\\s+(\\S+)");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
