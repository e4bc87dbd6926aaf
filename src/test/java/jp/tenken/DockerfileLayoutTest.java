package jp.tenken;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The container recipe tried as far as a machine without Docker allows (issue 21, 1f): the
 * {@code Dockerfile} is read, a temporary folder is laid out as its {@code WORKDIR}, {@code COPY}
 * and {@code mkdir} lines lay out the image, and the service is started there with the
 * entrypoint's JVM options, as working folder, with nothing but what {@code docker run} would
 * give it. It must answer {@code /health} with UP and keep its H2 files in the image's data folder.
 *
 * <p>The jar is not built during {@code mvn test}: the service runs from the test class path
 * instead (as {@code jp.tenken.storage.ChildService} does), and the test checks that the jar the
 * recipe copies is the one {@code mvn package} builds and the one its entrypoint runs.
 */
class DockerfileLayoutTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path image;

    /** One instruction of the Dockerfile: its keyword and the rest of its line. */
    private record Instruction(String keyword, String arguments) {
    }

    private static List<Instruction> instructions() throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            assertFalse(text.endsWith("\\"), "a continued line this test does not read: " + text);
            String[] parts = text.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
        }
        return instructions;
    }

    private static List<String> all(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    @Test
    @Timeout(180)
    void theServiceStartsInTheFoldersTheDockerfileLaysOutAndAnswersHealthUp() throws Exception {
        List<Instruction> instructions = instructions();
        List<String> workdirs = all(instructions, "WORKDIR");
        assertEquals(1, workdirs.size(), "one WORKDIR: " + workdirs);
        String workdir = workdirs.get(0);
        assertFalse(all(instructions, "ENV").stream().anyMatch(e -> e.contains("TENKEN_")), "the recipe's settings are read below");

        // COPY: every folder into the temporary image; the jar only checked (see the class comment).
        String jarInImage = null;
        for (String copy : all(instructions, "COPY")) {
            String[] paths = copy.split("\\s+");
            assertEquals(2, paths.length, "COPY source destination: " + copy);
            Path source = Path.of(paths[0]);
            Path destination = Path.of(workdir).resolve(paths[1]);
            if (paths[0].endsWith(".jar")) {
                assertEquals(Path.of("target", "tenken-" + pomVersion() + ".jar"), source, "the jar mvn package builds");
                jarInImage = destination.toString();
                continue;
            }
            assertTrue(Files.isDirectory(source), "a folder of the repository: " + source);
            copyFolder(source, inImage(destination));
        }
        for (String run : all(instructions, "RUN")) {
            Matcher mkdir = Pattern.compile("mkdir -p (\\S+)").matcher(run);
            while (mkdir.find()) {
                Files.createDirectories(inImage(Path.of(workdir).resolve(mkdir.group(1))));
            }
        }

        List<String> entrypoint = Arrays.asList(new ObjectMapper().readValue(all(instructions, "ENTRYPOINT").get(0), String[].class));
        int jar = entrypoint.indexOf("-jar");
        assertTrue(jar > 0, "the entrypoint runs the jar: " + entrypoint);
        assertEquals(jarInImage, entrypoint.get(jar + 1), "the entrypoint runs the jar COPY puts into the image");

        Path folder = inImage(Path.of(workdir));
        Path log = image.resolve("service.log");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(entrypoint.subList(1, jar)); // the image's JVM options
        // A production start: Micronaut would otherwise look for a test framework on the stack.
        command.add("-Dmicronaut.env.deduction=false");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // What `docker run` gives the container: the environment of the Dockerfile's comment, on H2.
        builder.environment().keySet().removeIf(k -> k.startsWith("TENKEN_") || k.startsWith("DATASOURCES_") || k.startsWith("MICRONAUT_"));
        builder.environment().put("TENKEN_ADMIN_PASSWORD", TestUsers.PASSWORD);
        builder.environment().put("TENKEN_SESSION_SECRET", "a-session-secret-of-the-container-0123456789");
        // The container's port 8080, published as any port: here a free one, 8080 may be taken.
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        Process service = builder.start();
        try {
            String health = awaitHealth(service, port, log);
            assertEquals("UP", new ObjectMapper().readTree(health).path("status").asText(), health);
            try (Stream<Path> data = Files.list(folder.resolve("data"))) {
                assertTrue(data.anyMatch(f -> f.toString().endsWith(".mv.db")), "the H2 files in the image's data folder");
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    /** A path of the image ({@code /app/rules}) in the temporary folder that stands for its root. */
    private Path inImage(Path absolute) {
        return image.resolve("root").resolve(Path.of("/").relativize(absolute).toString());
    }

    private static String awaitHealth(Process service, int port, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (service.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer.body();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("the service laid out as the image did not answer /health; its log:\n" + Files.readString(log));
        return null;
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    /** The project's version in pom.xml: the first {@code <version>} after its own artifactId. */
    private static String pomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>tenken</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "pom.xml names tenken's version");
        return version.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
