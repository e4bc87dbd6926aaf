package jp.tenken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.plan.PlanWorkbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-plan's exit codes and output, run in-process as {@code java -jar tenken.jar check-plan} runs it. */
@MicronautTest
class CheckPlanCommandTest {

    static final Path DX_PLAN = Fixtures.DX_PLAN;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    /** The plan editor, who checks plans through HTTP as check-plan does on the command line. */
    private String editor;

    @BeforeEach
    void createEditor() {
        editor = TestUsers.editor(context);
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = CommandLineMain.run(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void exitsOneAndPrintsOneLinePerFindingThenASummaryWhenThereIsAnError() {
        Run run = run("check-plan", DX_PLAN.toString());
        assertEquals(1, run.exitCode(), run.err());
        String first = run.out().lines().findFirst().orElseThrow();
        assertTrue(first.matches("ERROR +PLAN-[A-Z-]+ +No\\.\\d+ +取組No\\.\\d+.*"), first);
        assertTrue(run.out().lines().reduce((a, b) -> b).orElseThrow().matches("エラー \\d+件、警告 \\d+件、情報 0件"), run.out());
    }

    @Test
    void exitsZeroWithoutAnError(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("ok.json");
        Files.writeString(plan, Fixtures.SMALL_PLAN);
        Run run = run("check-plan", plan.toString(), "--lang", "en");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("WARNING PLAN-SCHEDULE-GAP"), run.out());
        assertTrue(run.out().contains("nothing is planned for FY2025"), run.out());
        assertTrue(run.out().strip().endsWith("0 errors, 1 warning, 0 infos"), run.out());
    }

    /** The command line has no audit records: the plan's FY2024 count (24) is compared with nothing, and the help says so. */
    @Test
    void theCountsAgainstAuditRecordsAreLeftToTheServiceAndTheHelpSaysSo() {
        Run run = run("check-plan", DX_PLAN.toString(), "--format", "json");
        assertTrue(run.out().contains("PLAN-SHEET-POLICY-MISMATCH") && !run.out().contains("PLAN-AUDIT-COUNT-VS-RECORDS"), run.out());
        Run help = run("check-plan", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("The command line has no audit records: PLAN-AUDIT-COUNT-VS-RECORDS"), help.out());
    }

    @Test
    void anUnknownLanguageIsRefusedLikeAnUnknownFormat() {
        Run run = run("check-plan", DX_PLAN.toString(), "--lang", "fr");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--lang") && run.err().contains("[ja, en]"), run.err());
    }

    @Test
    void jsonOutputIsTheBodyOfPlansCheck() throws Exception {
        Run run = run("check-plan", DX_PLAN.toString(), "--format", "json");
        Http.Answer answer = Http.sendAs(client, editor, HttpRequest.POST("/api/v1/plans/check", Files.readAllBytes(DX_PLAN))
                .contentType("application/x-yaml"));
        assertEquals(json.readTree(answer.body()), json.readTree(run.out()));
    }

    @Test
    void exitsTwoNamingTheFieldForAnInvalidPlan(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("bad.json");
        Files.writeString(plan, "{\"id\": \"x\"}");
        Run run = run("check-plan", plan.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("title: 必須です"), run.err());
    }

    @Test
    void readsThePlanWorkbookAsTheSamePlan(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("plan.xlsx");
        Files.write(workbook, PlanWorkbooks.export(DX_PLAN));
        Run fromWorkbook = run("check-plan", workbook.toString(), "--format", "json");
        Run fromYaml = run("check-plan", DX_PLAN.toString(), "--format", "json");
        assertEquals(1, fromWorkbook.exitCode(), fromWorkbook.err());
        assertEquals(json.readTree(fromYaml.out()), json.readTree(fromWorkbook.out()));
    }

    @Test
    void exitsTwoNamingTheCellOfABadWorkbook(@TempDir Path dir) throws Exception {
        Path workbook = dir.resolve("plan.xlsx");
        Files.write(workbook, PlanWorkbooks.edited(PlanWorkbooks.export(DX_PLAN), book -> PlanWorkbooks.set(book, "取組一覧!A3", "二")));
        Run run = run("check-plan", workbook.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("取組一覧!A3: 整数で指定してください"), run.err());
    }

    @Test
    void exitsTwoForAFileThatCannotBeRead(@TempDir Path dir) {
        Run run = run("check-plan", dir.resolve("missing.yaml").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing.yaml"), run.err());
    }
}
