package jp.tenken.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ten of the largest plans the service accepts, sent at once to a service with a 512 MB heap, while
 * /health and a small plan check are probed every 50 ms: how many were answered, how long the probes
 * took, and how much heap the service used (from its GC log).
 */
final class BoundedWorkBench {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseParallelGC");

    private BoundedWorkBench() {
    }

    static void run(Path jar, Map<String, String> env, byte[] smallPlan, Consumer<String> line) throws Exception {
        Path work = Files.createTempDirectory("tenken-bench-bounded");
        Path gcLog = work.resolve("gc.log");
        env.put("TENKEN_DATA_DIR", Files.createDirectories(work.resolve("data")).toString());
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-Xlog:gc:file=" + gcLog);
        try (ServerProcess server = ServerProcess.start(jar, options, work, env)) {
            HttpClient client = HttpClient.newBuilder().build();
            // A service in use: the first requests of a fresh JVM are slow for reasons of their own.
            for (int i = 0; i < 50; i++) {
                client.send(post(server.url("/api/v1/plans/check"), smallPlan), HttpResponse.BodyHandlers.discarding());
            }
            List<CompletableFuture<HttpResponse<Void>>> large = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                large.add(client.sendAsync(post(server.url("/api/v1/plans/check"), MaximalPlans.maximal("largest-" + i)),
                        HttpResponse.BodyHandlers.discarding()));
            }
            Stats health = new Stats();
            Stats small = new Stats();
            HttpRequest healthRequest = HttpRequest.newBuilder(URI.create(server.url("/health"))).build();
            while (large.stream().anyMatch(f -> !f.isDone())) {
                long t = System.nanoTime();
                client.send(healthRequest, HttpResponse.BodyHandlers.discarding());
                health.add(System.nanoTime() - t);
                t = System.nanoTime();
                client.send(post(server.url("/api/v1/plans/check"), smallPlan), HttpResponse.BodyHandlers.discarding());
                small.add(System.nanoTime() - t);
                Thread.sleep(50);
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            int ok = 0;
            int busy = 0;
            int other = 0;
            for (CompletableFuture<HttpResponse<Void>> f : large) {
                int status = f.get().statusCode();
                if (status == 200) {
                    ok++;
                } else if (status == 503) {
                    busy++;
                } else {
                    other++;
                }
            }
            long[] heap = heap(Files.readString(gcLog));
            line.accept("## Bounded work: ten of the largest plans at once");
            line.accept("");
            line.accept("The service started with `" + String.join(" ", JVM_OPTIONS) + "`; ten plans of 2,000 one-year initiatives"
                    + " over 20 fiscal years (" + MaximalPlans.maximal("x").length / 1024 + " KB, about 40,000 findings each)"
                    + " sent at once to POST /api/v1/plans/check after 50 checks of the city's plan, /health and the city's plan"
                    + " probed every 50 ms until all were answered.");
            line.accept("");
            line.accept("| answered 200 | 503 (queue wait) | other | all answered after | /health median / slowest | small check median / slowest | heap before GC, peak | heap after GC, peak |");
            line.accept("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            line.accept(String.format(Locale.ROOT, "| %d | %d | %d | %d s | %.0f / %.0f ms | %.0f / %.0f ms | %d MiB | %d MiB |",
                    ok, busy, other, seconds, health.median(), health.percentile(100), small.median(), small.percentile(100),
                    heap[0], heap[1]));
            line.accept("");
        }
    }

    private static HttpRequest post(String url, byte[] body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Authorization", ServerProcess.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The highest heap occupancy before and after a collection, in MiB, from {@code -Xlog:gc} lines. */
    private static long[] heap(String gcLog) {
        long before = 0;
        long after = 0;
        Matcher m = GC_LINE.matcher(gcLog);
        while (m.find()) {
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
        }
        return new long[] {before, after};
    }
}
