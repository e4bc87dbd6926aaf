package jp.tenken.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service started as a separate process from the same jar, as an operator starts it. */
final class ServerProcess implements AutoCloseable {

    /** The bench's first admin: every measured request carries its HTTP Basic header, as an API client's would. */
    static final String ADMIN_PASSWORD = "bench-password-0123";
    static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final Pattern COMPILED = Pattern.compile("Compiled (\\d+) rules from .* in (\\d+) ms");

    private final Process process;
    private final Path log;
    final int port;
    final long millisToHealthy;

    private ServerProcess(Process process, Path log, int port, long millisToHealthy) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.millisToHealthy = millisToHealthy;
    }

    /** Starts {@code java -jar jar} in {@code workDir} with {@code env} and waits for /health to answer 200. */
    static ServerProcess start(Path jar, Path workDir, Map<String, String> env) throws Exception {
        return start(jar, List.of(), workDir, env);
    }

    /** The same with JVM options before {@code -jar} (the class-data-sharing archive, say). */
    static ServerProcess start(Path jar, List<String> jvmOptions, Path workDir, Map<String, String> env) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("tenken-bench-server", ".log");
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TENKEN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        long started = System.nanoTime();
        Process process = builder.start();
        while (process.isAlive() && System.nanoTime() - started < 120_000_000_000L) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(process, log, port, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not become healthy; log: " + Files.readString(log));
    }

    /** The rule compilation time the service logged at start, in ms, or -1. */
    long ruleCompileMillis() throws IOException {
        Matcher m = COMPILED.matcher(Files.readString(log));
        return m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
