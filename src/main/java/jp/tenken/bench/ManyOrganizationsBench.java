package jp.tenken.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jp.tenken.inspection.JdbcInspectionStore;
import jp.tenken.storage.Migrations;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Issue 21 point 2: the compliance list and the coverage report of one organization while the
 * PostgreSQL database holds a country's worth of others (1,741 municipalities × 100 departments ×
 * 5 fiscal years of self-inspections, and their audits). Opt-in ({@code --organizations 1741}):
 * the data set takes minutes and gigabytes to load.
 *
 * <p>The measured organization is written through the real checker and stores; the others are
 * copies of its rows made by PostgreSQL itself ({@code INSERT … SELECT … generate_series}) under
 * other organization ids, which is what the queries of one organization have to skip. Whether
 * they skip them by index is read from PostgreSQL's own counters ({@code pg_stat_user_tables}):
 * sequential scans of the big tables during the measured requests would show a query that reads
 * every organization's rows.
 */
final class ManyOrganizationsBench {

    /** Populates one organization through the real stores; returns the rows stored. */
    interface Population {
        int populate(DataSource dataSource, String organization, List<String> departments) throws Exception;
    }

    private static final String ORGANIZATION = "bench-town";
    private static final int DEPARTMENTS = 100;
    private static final int WARMUP = 20;
    private static final int MEASURED = 100;
    private static final List<String> TABLES = List.of("inspection", "audit", "audit_finding", "audit_completion");

    private ManyOrganizationsBench() {
    }

    /** A seeds folder whose registry has the measured organization: its departments are checked against it. */
    static Path seeds() throws Exception {
        Path seeds = Files.createTempDirectory("tenken-bench-towns");
        Files.createDirectories(seeds.resolve("organizations"));
        StringBuilder yaml = new StringBuilder("id: " + ORGANIZATION + "\nname: ベンチ町\ndepartments:\n");
        for (String name : departments()) {
            yaml.append("  - { name: ").append(name).append(", group: false }\n");
        }
        Files.writeString(seeds.resolve("organizations/" + ORGANIZATION + ".yaml"), yaml.toString());
        return seeds;
    }

    private static List<String> departments() {
        List<String> departments = new ArrayList<>();
        for (int i = 1; i <= DEPARTMENTS; i++) {
            departments.add(String.format("部署%03d課", i));
        }
        return departments;
    }

    static void run(Path jar, String postgresUrl, int organizations, Path seeds, Map<String, String> folders,
                    Population population, Consumer<String> line) throws Exception {
        line.accept("## Many organizations on one PostgreSQL (issue 21)");
        line.accept("");
        List<String> departments = departments();
        String database = "tenken_bench_orgs_" + System.currentTimeMillis();
        BenchCommand.sql(postgresUrl, "CREATE DATABASE " + database);
        String url = postgresUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try {
            long t0 = System.nanoTime();
            int rows;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername("postgres");
            config.setPassword("");
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Migrations.migrate(dataSource);
                rows = population.populate(dataSource, ORGANIZATION, departments);
            }
            long measuredOrganization = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            Map<String, Long> counts = copyToOtherOrganizations(url, organizations - 1);
            long copies = System.nanoTime() - t1;
            String size = queryOne(url, "SELECT pg_size_pretty(pg_database_size(current_database()))");

            line.accept(String.format(Locale.ROOT, "%,d organizations × %d departments × 5 fiscal years (FY2021–2025): %,d"
                            + " self-inspections, %,d audits with %,d findings and %,d recorded completions; database %s."
                            + " Loading: the measured organization through the checker and stores (%,d rows) %.0f s; the"
                            + " %,d others copied by PostgreSQL, then `ANALYZE`, %.0f s.",
                    organizations, DEPARTMENTS, counts.get("inspection"), counts.get("audit"), counts.get("audit_finding"),
                    counts.get("audit_completion"), size, rows, measuredOrganization / 1e9, organizations - 1, copies / 1e9));
            line.accept("");
            line.accept("Requests as the admin with HTTP Basic against the README's start on that database, " + MEASURED
                    + " after " + WARMUP + " warm-up ones, request to last byte (target: under 100 ms). Scans: PostgreSQL's"
                    + " counters (`pg_stat_user_tables`) of the tables the requests read, during the measured requests only.");
            line.accept("");
            line.accept("| request | p50 | p95 | p99 | sequential scans | index scans |");
            line.accept("| --- | ---: | ---: | ---: | --- | --- |");
            Map<String, String> env = new LinkedHashMap<>(folders);
            env.put("TENKEN_SEEDS_DIR", seeds.toString());
            env.put("DATASOURCES_DEFAULT_URL", url);
            env.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
            try (ServerProcess server = ServerProcess.start(jar, BenchCommand.readmeJvmOptions(jar), seeds, env)) {
                measure(server, url, "compliance list FY2025",
                        "/api/v1/compliance/units?organization=" + ORGANIZATION + "&fiscalYear=2025&asOf=2025-12-01", line);
                measure(server, url, "coverage FY2025",
                        "/api/v1/audits/coverage?organization=" + ORGANIZATION + "&fiscalYear=2025", line);
            }
            line.accept("");
            for (String plan : plans(url)) {
                line.accept(plan);
            }
            line.accept("");
        } finally {
            try {
                BenchCommand.sql(postgresUrl, "DROP DATABASE IF EXISTS " + database);
            } catch (Exception ignored) {
                // the scratch database stays; harmless
            }
        }
    }

    /** Copies the measured organization's rows under {@code others} other organization ids. */
    private static Map<String, Long> copyToOtherOrganizations(String url, int others) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement s = connection.createStatement()) {
            String towns = "generate_series(1, " + others + ") AS town(n)";
            // Ids of at most 40 characters: the town's number in hex and the copied row's seq.
            String prefix = "'t' || to_hex(town.n) || '-' || ";
            s.execute("INSERT INTO inspection (id, organization, department, fiscal_year, checklist_id, checklist_version,"
                    + " submitted_on, stored_at, status, rules_version, errors, warnings, infos, document, findings, submitted_by)"
                    + " SELECT " + prefix + "i.seq, 'town-' || town.n, i.department, i.fiscal_year, i.checklist_id,"
                    + " i.checklist_version, i.submitted_on, i.stored_at, i.status, i.rules_version, i.errors, i.warnings,"
                    + " i.infos, i.document, i.findings, i.submitted_by FROM inspection i, " + towns
                    + " WHERE i.organization = '" + ORGANIZATION + "'");
            s.execute("INSERT INTO audit (id, organization, department, fiscal_year, audited_on, stored_at, document, recorded_by)"
                    + " SELECT " + prefix + "a.seq, 'town-' || town.n, a.department, a.fiscal_year, a.audited_on, a.stored_at,"
                    + " a.document, a.recorded_by FROM audit a, " + towns + " WHERE a.organization = '" + ORGANIZATION + "'");
            s.execute("INSERT INTO audit_finding (audit_id, position, finding_id, item_id, severity, action, due_date,"
                    + " completed_on, completion_recorded_at) SELECT " + prefix + "a.seq, f.position, f.finding_id, f.item_id,"
                    + " f.severity, f.action, f.due_date, f.completed_on, f.completion_recorded_at FROM audit_finding f"
                    + " JOIN audit a ON a.id = f.audit_id, " + towns + " WHERE a.organization = '" + ORGANIZATION + "'");
            s.execute("INSERT INTO audit_completion (audit_id, finding_id, completed_on, recorded_at, completed_by, reason)"
                    + " SELECT " + prefix + "a.seq, c.finding_id, c.completed_on, c.recorded_at, c.completed_by, c.reason"
                    + " FROM audit_completion c JOIN audit a ON a.id = c.audit_id, " + towns
                    + " WHERE a.organization = '" + ORGANIZATION + "'");
            s.execute("ANALYZE");
            Map<String, Long> counts = new TreeMap<>();
            for (String table : TABLES) {
                counts.put(table, Long.parseLong(queryOne(url, "SELECT count(*) FROM " + table)));
            }
            return counts;
        }
    }

    private static void measure(ServerProcess server, String url, String label, String path, Consumer<String> line) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Authorization", ServerProcess.AUTHORIZATION).build();
        for (int i = 0; i < WARMUP; i++) {
            send(client, request, label);
        }
        Map<String, long[]> before = scans(url);
        Stats stats = new Stats();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            send(client, request, label);
            stats.add(System.nanoTime() - t0);
        }
        Map<String, long[]> after = scans(url);
        StringBuilder sequential = new StringBuilder();
        StringBuilder index = new StringBuilder();
        for (String table : TABLES) {
            long seq = after.get(table)[0] - before.get(table)[0];
            long idx = after.get(table)[1] - before.get(table)[1];
            sequential.append(sequential.isEmpty() ? "" : ", ").append(table).append(' ').append(seq);
            index.append(index.isEmpty() ? "" : ", ").append(table).append(' ').append(idx);
        }
        line.accept(String.format(Locale.ROOT, "| %s (`%s`) | %.1f ms | **%.1f ms** | %.1f ms | %s | %s |", label,
                path.substring(0, path.indexOf('?')), stats.median(), stats.percentile(95), stats.percentile(99), sequential, index));
    }

    private static void send(HttpClient client, HttpRequest request, String label) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + " answered " + response.statusCode());
        }
    }

    /** Sequential and index scans of each table so far; the service's counters are flushed first. */
    private static Map<String, long[]> scans(String url) throws Exception {
        // PostgreSQL 15 publishes another session's counters within a second of its transaction.
        Thread.sleep(1500);
        Map<String, long[]> scans = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("SELECT relname, seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_user_tables")) {
            while (rows.next()) {
                scans.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        return scans;
    }

    /** The plan PostgreSQL chooses for the list's main statement. */
    private static List<String> plans(String url) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("`EXPLAIN ANALYZE` of the statement that reads the current self-inspection of each department for the"
                + " list (`JdbcInspectionStore.CURRENT_STATUSES`), on the loaded database:");
        lines.add("");
        lines.add("```");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) "
                     + JdbcInspectionStore.CURRENT_STATUSES)) {
            explain.setString(1, ORGANIZATION);
            explain.setInt(2, 2025);
            explain.setObject(3, LocalDate.of(2025, 12, 1));
            explain.setObject(4, LocalDate.of(2025, 12, 1));
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        lines.add("```");
        return lines;
    }

    private static String queryOne(String url, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
