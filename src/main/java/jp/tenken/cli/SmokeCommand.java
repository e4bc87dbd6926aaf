package jp.tenken.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.account.AdminPasswordNotice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code smoke}: starts the whole service in this process — HTTP on a free port, an empty H2
 * database in a temporary folder — sends it the city's documents through its main endpoints, stops
 * it and says whether every answer had the expected status.
 *
 * <p>It is also how the build prepares the class-data-sharing archive that lets the service start
 * in under 3 s: {@code mvn package} runs it once with {@code -XX:ArchiveClassesAtExit}, so the
 * archive holds the classes a real start and real requests load (see docs/performance.md).
 */
@Command(name = "smoke", mixinStandardHelpOptions = true,
        description = "Starts the service on a free port with an empty temporary database, sends it the city's plan and "
                + "an example self-inspection through the main endpoints, stops it, and reports.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every request was answered as expected", "1:a request was not", "2:the service did not start"})
public class SmokeCommand implements Callable<Integer> {

    @Option(names = "--plan", defaultValue = "seeds/plans/hiratsuka-dx-action-plan-2024-2026.yaml",
            description = "the plan sent to the service")
    Path plan;

    @Option(names = "--inspection", defaultValue = "docs/examples/inspection-shimin-2025.yaml",
            description = "the self-inspection sent to the service")
    Path inspection;

    /** Each request is answered in milliseconds; a service that hangs fails the smoke instead of hanging it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The throwaway first admin's password: random, because the database it guards lives seconds. */
    private final String adminPassword = throwawayPassword();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Override
    public Integer call() throws Exception {
        byte[] planBody;
        byte[] inspectionBody;
        try {
            planBody = Files.readAllBytes(plan);
            inspectionBody = Files.readAllBytes(inspection);
        } catch (IOException e) {
            System.err.println("tenken smoke: cannot read " + e.getMessage() + " (run it from the project folder)");
            return CommandLineMain.EXIT_UNUSABLE;
        }
        Path data = Files.createTempDirectory("tenken-smoke");
        EmbeddedServer server;
        try {
            server = start(data);
        } catch (RuntimeException e) {
            deleteRecursively(data);
            System.err.println("tenken smoke: the service did not start: " + e.getMessage());
            return CommandLineMain.EXIT_UNUSABLE;
        }
        try (server) {
            walk(server.getURI().toString(), planBody, inspectionBody);
        } catch (IOException e) {
            failures.add("request " + requests + " got no answer: " + e);
        } finally {
            deleteRecursively(data);
        }
        if (failures.isEmpty()) {
            System.out.println("smoke: " + requests + " requests answered as expected");
            return 0;
        }
        failures.forEach(f -> System.out.println("smoke: " + f));
        return 1;
    }

    /**
     * The service as {@code java -jar} starts it, but on a free port and with its own empty H2 database.
     * The first admin's generated password is not shown: the database is thrown away with it, and
     * the smoke prints nothing but its verdict.
     */
    private EmbeddedServer start(Path data) {
        ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "micronaut.server.port", -1,
                        "tenken.data-dir", data.toString(),
                        "datasources.default.url", "",
                        "tenken.admin-password", adminPassword))
                .singletons(new ThrowawayAdminPassword())
                .start();
        try {
            return context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Shows nothing: the smoke's admin lives as long as its temporary database. */
    private static final class ThrowawayAdminPassword implements AdminPasswordNotice {
        @Override
        public void show(String line) {
        }
    }

    private void walk(String base, byte[] planBody, byte[] inspectionBody) throws IOException, InterruptedException {
        expect(200, get(base + "/health"));
        expect(401, anonymous(base + "/api/v1/rules"));
        expect(200, get(base + "/api/v1/rules"));
        expect(200, post(base + "/api/v1/plans/check", planBody));
        expect(201, post(base + "/api/v1/plans", planBody));
        expect(200, get(base + "/api/v1/plans"));
        expect(201, post(base + "/api/v1/inspections", inspectionBody));
        expect(200, get(base + "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2025"));
        expect(400, post(base + "/api/v1/plans/check", "id: [unclosed".getBytes()));
        pages(base);
    }

    /**
     * A security officer in a browser: created through the users API, logged in through the login
     * form, then the home page and the self-inspection form. Also loads the page classes
     * (Thymeleaf, the templates) into the class-data archive the build makes with this command.
     */
    private void pages(String base) throws IOException, InterruptedException {
        String officer = "{\"username\":\"smoke-officer\",\"displayName\":\"スモーク\",\"roles\":[\"SECURITY_OFFICER\"],"
                + "\"organization\":\"hiratsuka\",\"departments\":[\"市民課\"],\"password\":\"" + adminPassword + "\"}";
        expect(201, HttpRequest.newBuilder(URI.create(base + "/api/v1/users")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", adminBasic())
                .POST(HttpRequest.BodyPublishers.ofString(officer)).build());
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        expect(303, HttpRequest.newBuilder(URI.create(base + "/login")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=smoke-officer&password="
                        + java.net.URLEncoder.encode(adminPassword, java.nio.charset.StandardCharsets.UTF_8))).build(), browser);
        expect(200, HttpRequest.newBuilder(URI.create(base + "/")).timeout(REQUEST_TIMEOUT).GET().build(), browser);
        expect(200, HttpRequest.newBuilder(URI.create(base + "/inspections/form?department="
                + java.net.URLEncoder.encode("市民課", java.nio.charset.StandardCharsets.UTF_8) + "&fiscalYear=2025"))
                .timeout(REQUEST_TIMEOUT).header("Accept", "text/html").GET().build(), browser);
    }

    private HttpRequest anonymous(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Authorization", adminBasic()).GET().build();
    }

    private HttpRequest post(String url, byte[] yaml) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-yaml")
                .header("Authorization", adminBasic()).POST(HttpRequest.BodyPublishers.ofByteArray(yaml)).build();
    }

    private String adminBasic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + adminPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String throwawayPassword() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void expect(int status, HttpRequest request) throws IOException, InterruptedException {
        expect(status, request, client);
    }

    private void expect(int status, HttpRequest request, HttpClient sender) throws IOException, InterruptedException {
        requests++;
        HttpResponse<String> response = sender.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            failures.add(request.method() + " " + request.uri().getPath() + ": expected " + status + ", got "
                    + response.statusCode() + " " + response.body().lines().findFirst().orElse(""));
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
