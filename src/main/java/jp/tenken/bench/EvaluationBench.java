package jp.tenken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.evaluation.EvaluationChecker;
import jp.tenken.evaluation.EvaluationDocument;
import jp.tenken.evaluation.EvaluationField;
import jp.tenken.plan.Initiative;
import jp.tenken.plan.PlanDocument;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code evaluations} section of the bench (issue 19): the city's evaluation sheet traced to its
 * action plan, in process and over HTTP against the packaged service, and the growth of tracing
 * with the number of results and of initiatives (1,000 × 5,000 and both doublings).
 *
 * <p>The large documents are the city's own, copied: the plan's 43 initiatives renumbered as often
 * as needed, the sheet's 32 results repeated, each copy given a word of its own (a made-up katakana
 * name) so that the vocabulary grows with the copies as a real plan's would, instead of every copy
 * sharing exactly the same words.
 */
final class EvaluationBench {

    private static final Path PLAN = Path.of("seeds/plans/hiratsuka-dx-action-plan-2024-2026.yaml");
    private static final Path EVALUATION = Path.of("seeds/evaluations/hiratsuka-dx-evaluation-2024.yaml");
    private static final String[] SYLLABLES = {"カ", "サ", "タ", "ナ", "ハ", "マ", "ヤ", "ラ", "ワ", "キ", "シ", "チ", "ニ", "ヒ",
            "ミ", "リ", "ク", "ス", "ツ", "ヌ", "フ", "ム", "ユ", "ル", "ケ", "セ", "テ", "ネ", "ヘ", "メ", "レ", "コ"};
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private EvaluationBench() {
    }

    static void run(DocumentReader reader, EvaluationChecker checker, Path jar, Map<String, String> env, Consumer<String> line)
            throws Exception {
        PlanDocument plan = reader.read(Files.readAllBytes(PLAN), DocumentFormat.YAML, PlanDocument.class);
        EvaluationDocument evaluation = reader.read(Files.readAllBytes(EVALUATION), DocumentFormat.YAML, EvaluationDocument.class);
        line.accept("## Evaluations (issue 19)");
        line.accept("");
        line.accept("The city's evaluation sheet (" + evaluation.resultCount() + " results) traced to its action plan ("
                + plan.initiatives().size() + " initiatives): Kuromoji analysis of both, the BM25 scores, the three EVAL-* rules."
                + " Load average (1 min) before: " + load() + ".");
        line.accept("");
        line.accept("| measured | p50 | p95 | p99 | target |");
        line.accept("| --- | ---: | ---: | ---: | --- |");
        Stats inProcess = new Stats();
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            checker.check(evaluation, plan, 1);
        }
        for (int i = 0; i < 1000; i++) {
            long t0 = System.nanoTime();
            checker.check(evaluation, plan, 1);
            inProcess.add(System.nanoTime() - t0);
        }
        line.accept(String.format(Locale.ROOT, "| in process: trace + rules (after 5 s of warm-up, 1,000 checks) | %.2f ms | **%.2f ms** | %.2f ms | |",
                inProcess.median(), inProcess.percentile(95), inProcess.percentile(99)));
        if (jar != null) {
            http(jar, env, line);
        }
        line.accept("");
        growth(checker, plan, evaluation, line);
    }

    /**
     * POST /api/v1/evaluations/check of the city's sheet against the stored action plan, one request
     * after another over loopback, from request to last byte (so an upper bound of the server's time).
     */
    private static void http(Path jar, Map<String, String> env, Consumer<String> line) throws Exception {
        Path work = Files.createTempDirectory("tenken-bench-evaluations");
        env.put("TENKEN_DATA_DIR", work.toString());
        try (ServerProcess server = ServerProcess.start(jar, BenchCommand.readmeJvmOptions(jar), work, env)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> stored = client.send(post(server, "/api/v1/plans", Files.readAllBytes(PLAN)), HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() != 201) {
                throw new IllegalStateException("the plan was not stored: " + stored.statusCode() + " " + stored.body());
            }
            HttpRequest check = post(server, "/api/v1/evaluations/check", Files.readAllBytes(EVALUATION));
            long until = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < until) {
                expectOk(client.send(check, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            Stats times = new Stats();
            for (int i = 0; i < 1000; i++) {
                long t0 = System.nanoTime();
                expectOk(client.send(check, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
                times.add(System.nanoTime() - t0);
            }
            line.accept(String.format(Locale.ROOT, "| over HTTP: POST /api/v1/evaluations/check, YAML, HTTP Basic (after 20 s of warm-up, 1,000 requests one after another) | %.2f ms | **%.2f ms** | %.2f ms | p95 ≤ 50 ms |",
                    times.median(), times.percentile(95), times.percentile(99)));
        }
    }

    private static HttpRequest post(ServerProcess server, String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", ServerProcess.AUTHORIZATION)
                .header("Content-Type", "application/x-yaml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static void expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("the evaluation check answered " + status);
        }
    }

    private static void growth(EvaluationChecker checker, PlanDocument city, EvaluationDocument sheet, Consumer<String> line) {
        line.accept("Growth, in process (the service itself takes at most `tenken.limits.max-initiatives`, 2,000, per plan):"
                + " the city's plan and sheet copied to the sizes below, each copy with a word of its own. The three sizes are"
                + " measured in turns (2 rounds of warm-up, then 7 rounds, each round checking every size once), so that the"
                + " load of the shared machine weighs on each alike; medians. Load average (1 min) before: " + load() + ".");
        line.accept("");
        int[][] sizes = {{1000, 5000}, {2000, 5000}, {1000, 10000}};
        List<PlanDocument> plans = new ArrayList<>();
        List<EvaluationDocument> evaluations = new ArrayList<>();
        List<Stats> stats = new ArrayList<>();
        for (int[] size : sizes) {
            PlanDocument plan = plan(city, size[1]);
            plans.add(plan);
            evaluations.add(evaluation(sheet, plan.id(), size[0]));
            stats.add(new Stats());
        }
        for (int round = 0; round < 9; round++) {
            for (int s = 0; s < sizes.length; s++) {
                long t0 = System.nanoTime();
                checker.check(evaluations.get(s), plans.get(s), 1);
                if (round >= 2) {
                    stats.get(s).add(System.nanoTime() - t0);
                }
            }
        }
        line.accept("| results | initiatives | trace + rules ms (median) | min | max | ratio to 1,000 × 5,000 |");
        line.accept("| ---: | ---: | ---: | ---: | ---: | ---: |");
        double base = stats.get(0).median();
        for (int s = 0; s < sizes.length; s++) {
            Stats st = stats.get(s);
            line.accept(String.format(Locale.ROOT, "| %,d | %,d | %.0f | %.0f | %.0f | **%.2f** |", sizes[s][0], sizes[s][1],
                    st.median(), st.percentile(0), st.percentile(100), st.median() / base));
        }
        line.accept("");
        line.accept("Load average (1 min) after: " + load() + ". Linear growth would be a ratio of 2.00 for each doubling.");
        line.accept("");
    }

    /** The 1-minute load average, as /proc/loadavg gives it; "unknown" elsewhere. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The city's initiatives renumbered and copied to {@code count}, each copy's title given a word of its own. */
    static PlanDocument plan(PlanDocument city, int count) {
        List<Initiative> initiatives = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Initiative original = city.initiatives().get(i % city.initiatives().size());
            String word = i < city.initiatives().size() ? "" : name(i / city.initiatives().size());
            initiatives.add(new Initiative(i + 1, original.policyId(), word + original.title(), original.priority(), original.kind(),
                    original.departments(), original.upperPlans(), original.purpose(), original.summary(), original.category(),
                    original.budgetThousandYen(), original.supplementaryBudgetThousandYen(), original.status(), null,
                    original.note(), original.years(), original.sheet()));
        }
        return new PlanDocument(city.id() + "-" + count, city.title(), city.organization(), city.revisedOn(), city.period(),
                city.parent(), city.source(), city.policies(), city.goals(), initiatives);
    }

    /** The city's results repeated to {@code count}, each repetition given a word of its own. */
    static EvaluationDocument evaluation(EvaluationDocument sheet, String planId, int count) {
        List<String> all = new ArrayList<>();
        for (EvaluationField field : sheet.fields()) {
            all.addAll(field.results());
        }
        List<EvaluationField> fields = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String word = i < all.size() ? "" : name(i / all.size()) + "で";
            results.add(word + all.get(i % all.size()));
            if (results.size() == 100) {
                fields.add(new EvaluationField("分野" + (fields.size() + 1), results));
                results = new ArrayList<>();
            }
        }
        if (!results.isEmpty()) {
            fields.add(new EvaluationField("分野" + (fields.size() + 1), results));
        }
        return new EvaluationDocument(sheet.id() + "-" + count, sheet.title(), sheet.organization(), sheet.fiscalYear(), planId,
                sheet.source(), fields);
    }

    /** A made-up katakana name for copy {@code n} (n ≥ 1): three syllables, unique up to 32,768 copies. */
    private static String name(int n) {
        return SYLLABLES[n % 32] + SYLLABLES[(n / 32) % 32] + SYLLABLES[(n / 1024) % 32] + "地区";
    }
}
