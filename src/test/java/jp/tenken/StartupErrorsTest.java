package jp.tenken;

import jp.tenken.cli.TenkenCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an operator sees when a file read at start is broken: the service (and a command) started
 * as a separate JVM, as {@code java -jar} starts it, must stop with a non-zero exit code and say
 * once which file and line is wrong, without a stack trace.
 */
class StartupErrorsTest {

    /** A start that fails does so in seconds; one that does not fail would serve forever. */
    private static final long TIMEOUT_SECONDS = 90;

    private static final Path RULES = Path.of("rules").toAbsolutePath();
    private static final Path CHECKLISTS = Path.of("checklists").toAbsolutePath();
    private static final Path SEEDS = Path.of("seeds").toAbsolutePath();

    private static final String BROKEN_RULE = """
            package tenken.demo

            global jp.tenken.engine.FindingCollector findings;

            rule "DEMO-BROKEN"
                @id("DEMO-BROKEN")
                @severity("WARNING")
                @title("demo")
            when
                $s : String( length > )
            then
                findings.report(drools, jp.tenken.engine.Target.field($s), "text", $s);
            end
            """;

    private static final String ITEM = "  - { id: G-01, chapter: 組織体制, question: q, severity: LOW, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n";
    private static final String BROKEN_CHECKLIST = "id: c\nversion: \"1\"\ntitle: t\nitems:\n" + ITEM + ITEM;

    private static final String BROKEN_ORGANIZATION = "id: hiratsuka\nname: 平塚市\ndepartments:\n  - name: 市民課\n  - name: 保育課\n  - name: 市民課\n";

    @TempDir
    Path work;

    @Test
    void aBrokenRuleStopsTheServiceWithOneLineNamingFileAndLine() throws Exception {
        Path rules = write("rules/demo/DEMO-BROKEN.drl", BROKEN_RULE);
        write("rules/messages_ja.properties", "DEMO-BROKEN=a\n");
        write("rules/messages_en.properties", "DEMO-BROKEN=a\n");
        Outcome outcome = run(Map.of("TENKEN_RULES_DIR", rules.getParent().getParent().toString()));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertNamedOnce(outcome, "DEMO-BROKEN.drl", lineOf(BROKEN_RULE, "length >"));
    }

    @Test
    void aBrokenChecklistStopsTheServiceWithOneLineNamingFileAndLine() throws Exception {
        Path checklist = write("checklists/broken.yaml", BROKEN_CHECKLIST);
        Outcome outcome = run(Map.of("TENKEN_CHECKLISTS_DIR", checklist.getParent().toString()));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertNamedOnce(outcome, "broken.yaml", lineOf(BROKEN_CHECKLIST, ITEM) + 1);
    }

    @Test
    void aBrokenOrganizationFileStopsTheServiceWithOneLineNamingFileAndLine() throws Exception {
        Path organization = write("seeds/organizations/hiratsuka.yaml", BROKEN_ORGANIZATION);
        Outcome outcome = run(Map.of("TENKEN_SEEDS_DIR", organization.getParent().getParent().toString()));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertNamedOnce(outcome, "hiratsuka.yaml", lineOf(BROKEN_ORGANIZATION, "  - name: 市民課") + 2);
    }

    /** A command fails like the service: exit 2 (the input cannot be evaluated), one line, no stack trace. */
    @Test
    void checkInspectionWithABrokenChecklistExitsTwoNamingFileAndLine() throws Exception {
        Path checklist = write("checklists/broken.yaml", BROKEN_CHECKLIST);
        Outcome outcome = run(Map.of("TENKEN_CHECKLISTS_DIR", checklist.getParent().toString()),
                "check-inspection", Path.of("docs/examples/inspection-shimin-2025.yaml").toAbsolutePath().toString());
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertNamedOnce(outcome, "broken.yaml", lineOf(BROKEN_CHECKLIST, ITEM) + 1);
    }

    @Test
    void checkPlanWithABrokenOrganizationFileExitsTwoNamingFileAndLine() throws Exception {
        Path organization = write("seeds/organizations/hiratsuka.yaml", BROKEN_ORGANIZATION);
        Outcome outcome = run(Map.of("TENKEN_SEEDS_DIR", organization.getParent().getParent().toString()),
                "check-plan", Fixtures.DX_PLAN.toAbsolutePath().toString());
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertNamedOnce(outcome, "hiratsuka.yaml", lineOf(BROKEN_ORGANIZATION, "  - name: 市民課") + 2);
    }

    @Test
    void aMistypedCommandIsUnknownExitsTwoAndStartsNothing() throws Exception {
        Outcome outcome = run(Map.of(), "chek-plan", "x.yaml");
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertTrue(outcome.stderr().contains("chek-plan"), outcome.output());
        List<String> lines = outcome.stderr().lines().map(String::strip).toList();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Did you mean:") && line.contains("check-plan")), "the one meant: " + outcome.output());
        for (String name : commandNames()) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(name + " ")), "the command " + name + " on a line of its own:\n" + outcome.output());
        }
        assertFalse(outcome.output().contains("Startup completed"), outcome.output());
        assertFalse(Files.exists(work.resolve("data")), "no database created");
    }

    /** The name of every command of the jar, read from the declaration picocli reads. */
    private static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (Class<?> command : TenkenCommand.class.getAnnotation(Command.class).subcommands()) {
            names.add(command.getAnnotation(Command.class).name());
        }
        assertTrue(names.containsAll(List.of("check-plan", "check-inspection", "smoke", "bench", "help")), names.toString());
        return names;
    }

    @Test
    void helpSaysThatNoCommandStartsTheService() throws Exception {
        Outcome outcome = run(Map.of(), "--help");
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.stdout().contains("check-plan") && outcome.stdout().contains("check-inspection"), outcome.output());
        assertTrue(outcome.stdout().contains("None of these commands starts the service"), outcome.output());
    }

    @Test
    void startedFromAnotherFolderItNamesTheFoldersItLookedForAndCreatesNothing() throws Exception {
        // The defaults (rules, checklists, seeds and data under the working folder), from an empty folder.
        Outcome outcome = run(Map.of("TENKEN_RULES_DIR", "", "TENKEN_CHECKLISTS_DIR", "", "TENKEN_SEEDS_DIR", "", "TENKEN_DATA_DIR", ""));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        Path home = work.resolve("home").toAbsolutePath();
        for (String folder : List.of("rules", "checklists", "seeds/organizations")) {
            assertTrue(outcome.stderr().contains(home.resolve(folder) + ": フォルダがありません"), folder + ":\n" + outcome.output());
        }
        assertTrue(outcome.stderr().contains("TENKEN_CHECKLISTS_DIR"), outcome.output());
        assertFalse(outcome.output().contains("\tat "), "no stack trace:\n" + outcome.output());
        assertFalse(Files.exists(home.resolve("data")), "no ./data left behind");
    }

    @Test
    void aSecondServiceOnTheSameH2FilesSaysTheDatabaseIsInUseInOneLine() throws Exception {
        Process first = start(Map.of());
        try {
            Outcome second = run(Map.of());
            assertNotEquals(0, second.exitCode(), second.output());
            assertEquals(1, occurrences(second.stderr(), "データベースは別の Tenken が使っています"), second.output());
            assertTrue(second.stderr().contains("in use by another Tenken process"), second.output());
            assertFalse(second.output().contains("\tat "), "no stack trace:\n" + second.output());
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the service in a JVM of its own and waits until it has started (its log says so). */
    private Process start(Map<String, String> env) throws Exception {
        Path log = work.resolve("first.txt");
        ProcessBuilder builder = childProcess(env).redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!read(log).contains("Startup completed")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("the first service did not start:\n" + read(log));
            }
            Thread.sleep(100);
        }
        return process;
    }

    private static void assertNamedOnce(Outcome outcome, String fileName, int line) {
        String output = outcome.output();
        assertEquals(1, occurrences(output, fileName), "the file is named once:\n" + output);
        assertTrue(outcome.stderr().contains(fileName + ":" + line + ": "), "file and line on stderr:\n" + output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = work.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    record Outcome(int exitCode, String stdout, String stderr) {
        String output() {
            return "--- exit " + exitCode + ", stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    /**
     * Runs the application's main class in a JVM of its own, in an empty working folder with its own
     * data folder and a free port, reading the real rules, checklists and seeds unless {@code env}
     * points one of them at a broken copy.
     */
    private Outcome run(Map<String, String> env, String... args) throws Exception {
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        ProcessBuilder builder = childProcess(env, args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("still running after " + TIMEOUT_SECONDS + " s:\n" + new Outcome(-1, read(stdout), read(stderr)).output());
        }
        return new Outcome(process.exitValue(), read(stdout), read(stderr));
    }

    /** The child JVM's command and environment; an empty value in {@code env} removes that variable. */
    private ProcessBuilder childProcess(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        Path home = Files.createDirectories(work.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        // Nothing of the test run's own configuration (a PostgreSQL URL, a port) reaches the child.
        builder.environment().keySet().removeIf(k -> k.startsWith("TENKEN_") || k.startsWith("DATASOURCES_") || k.startsWith("MICRONAUT_"));
        builder.environment().put("TENKEN_RULES_DIR", RULES.toString());
        builder.environment().put("TENKEN_CHECKLISTS_DIR", CHECKLISTS.toString());
        builder.environment().put("TENKEN_SEEDS_DIR", SEEDS.toString());
        builder.environment().put("TENKEN_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", "-1");
        builder.environment().putAll(env);
        builder.environment().values().removeIf(String::isEmpty);
        return builder;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The 1-based line where {@code needle} first occurs in {@code text}. */
    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
