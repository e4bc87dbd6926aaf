package jp.tenken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tenken.inspection.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check-inspection's exit codes and output. */
class CheckInspectionCommandTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(Object body) throws Exception {
        Path file = dir.resolve("inspection.json");
        Files.write(file, json.writeValueAsBytes(body));
        return file;
    }

    @Test
    void exitsOneWithTheStatusAndFindingsOfANonCompliantInspection() {
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("check-inspection", "docs/examples/inspection-shimin-2025.yaml");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("市民課 2025: NON_COMPLIANT"), run.out());
        assertTrue(run.out().contains("ERROR   SI-THRESHOLD"), run.out());
        assertTrue(run.out().strip().endsWith("エラー 1件、警告 0件、情報 0件"), run.out());
    }

    @Test
    void inEnglishOneErrorIsSingular() {
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("check-inspection", "docs/examples/inspection-shimin-2025.yaml", "--lang", "en");
        assertTrue(run.out().strip().endsWith("1 error, 0 warnings, 0 infos"), run.out());
    }

    @Test
    void exitsZeroForACompliantInspectionAndPrintsJson() throws Exception {
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("check-inspection",
                write(Submissions.compliant("保育課", 2025)).toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("COMPLIANT", json.readTree(run.out()).get("status").asText());
    }

    @Test
    void exitsTwoForAnUnknownChecklistOrDepartment() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Submissions.compliant("保育課", 2025));
        body.put("checklistId", "nothing");
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("check-inspection", write(body).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nothing"), run.err());
        run = CheckPlanCommandTest.run("check-inspection", write(Submissions.compliant("関係課", 2025)).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("関係課"), run.err());
    }

    /** Messages name an answer as the form does (いいえ, not NO) and a percentage as it was typed (60%, not 60.0%). */
    @Test
    void aShortfallsMessageNamesTheAnswerAsTheFormDoes() throws Exception {
        Path file = write(Submissions.submission("保育課", 2025, item -> switch (item) {
            case "ORG-01" -> Map.of("answer", "NO");
            case "HUM-05" -> Map.of("value", 60);
            default -> null;
        }));
        CheckPlanCommandTest.Run ja = CheckPlanCommandTest.run("check-inspection", file.toString());
        assertTrue(ja.out().contains("項目ORG-01: 回答「いいえ」に対する改善策と改善期限が記載されていません"), ja.out());
        assertTrue(ja.out().contains("項目HUM-05: 回答「60%」に対する"), ja.out());
        CheckPlanCommandTest.Run en = CheckPlanCommandTest.run("check-inspection", file.toString(), "--lang", "en");
        assertTrue(en.out().contains("Item ORG-01: the answer \"No\" needs an improvement action"), en.out());
    }
}
