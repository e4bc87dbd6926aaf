package jp.tenken.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one write costs: sequential {@code POST /api/v1/plans} of small plans against a running
 * service, each sent after the previous one was answered, and — on H2 — how much the data file
 * grows while the service runs and what is left of it after a normal stop.
 */
final class WriteCost {

    /** Latency of the measured writes, the H2 file's size (-1 when there is no file), how long the stop took. */
    record Result(Stats latency, long fileBefore, long fileAfterWrites, long fileAfterStop, long stopMillis) {

        double kibPerWrite() {
            return (fileAfterWrites - fileBefore) / 1024.0 / latency.count();
        }
    }

    private WriteCost() {
    }

    /**
     * Sends {@code warmup} unmeasured then {@code measured} measured plans, cycling through
     * {@code plans}, stops the service normally and reads the file again.
     */
    static Result measure(ServerProcess server, List<byte[]> plans, int warmup, int measured, Path h2File) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(server.url("/api/v1/plans"));
        for (int i = 0; i < warmup; i++) {
            post(client, uri, plans.get(i % plans.size()));
        }
        long before = size(h2File);
        Stats latency = new Stats();
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            post(client, uri, plans.get(i % plans.size()));
            latency.add(System.nanoTime() - t0);
        }
        long afterWrites = size(h2File);
        long stopping = System.nanoTime();
        server.close();
        return new Result(latency, before, afterWrites, size(h2File), (System.nanoTime() - stopping) / 1_000_000);
    }

    private static void post(HttpClient client, URI uri, byte[] plan) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", ServerProcess.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(plan)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/plans answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long size(Path file) throws Exception {
        return file != null && Files.exists(file) ? Files.size(file) : -1;
    }
}
