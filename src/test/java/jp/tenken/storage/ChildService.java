package jp.tenken.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service ({@code jp.tenken.Application}) in a JVM of its own, on the test class path
 * (the jar is not built during {@code mvn test}), so that a test can kill it as an operator's
 * machine would and start it again on the same database.
 */
public final class ChildService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADMIN_BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (jp.tenken.TestUsers.ADMIN + ":" + jp.tenken.TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChildService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** An HTTP answer: status and body as text. */
    public record Answer(int status, String body) {
    }

    /**
     * Starts the service with {@code properties} as system properties (Micronaut reads them as
     * configuration) and waits until {@code /health} answers 200.
     */
    public static ChildService start(Map<String, String> properties, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The child only has to serve a few requests: the quick compiler alone starts it sooner.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                // Micronaut would otherwise look for a test framework on the stack; this is a production start.
                "-Dmicronaut.env.deduction=false",
                "-Dmicronaut.server.port=" + port,
                // The first admin, whose HTTP Basic header every request below carries.
                "-Dtenken.admin-password=" + jp.tenken.TestUsers.PASSWORD));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "jp.tenken.Application"));
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildService service = new ChildService(process, log, port);
        service.awaitHealthy();
        return service;
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the service did not become healthy; its log:\n" + logTail());
    }

    public Answer post(String path, String contentType, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).header("Content-Type", contentType)
                .header("Authorization", ADMIN_BASIC)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).header("Authorization", ADMIN_BASIC).GET().build());
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** SIGKILL on Linux ({@link Process#destroyForcibly}): no shutdown hook, no close, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not die");
        }
    }

    /** The end of the service's log, for a failure message. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Sends SIGTERM ({@link Process#destroy} on Linux) and returns at once, with the
     * {@link System#nanoTime} at which the signal had been sent: an answer received later was
     * given by a service that was stopping.
     */
    public long terminate() {
        process.destroy();
        return System.nanoTime();
    }

    /** A normal stop (SIGTERM), then SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        terminate();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
