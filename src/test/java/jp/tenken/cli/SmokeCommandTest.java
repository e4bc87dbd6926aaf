package jp.tenken.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** smoke: the build runs it to prepare the class-data-sharing archive, so it must work and must notice failures. */
class SmokeCommandTest {

    @TempDir
    Path dir;

    @Test
    void startsTheServiceAndGetsTheExpectedAnswerToEveryRequest() {
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("smoke");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("smoke: 13 requests answered as expected", run.out().strip());
    }

    @Test
    void reportsARequestWhoseAnswerIsNotTheExpectedOne() throws Exception {
        Path broken = dir.resolve("plan.yaml");
        Files.writeString(broken, "id: only-an-id\n");
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("smoke", "--plan", broken.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("POST /api/v1/plans/check: expected 200, got 400"), run.out());
    }

    @Test
    void exitsTwoWithoutStartingWhenADocumentCannotBeRead() {
        CheckPlanCommandTest.Run run = CheckPlanCommandTest.run("smoke", "--plan", dir.resolve("missing.yaml").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("missing.yaml"), run.err());
    }
}
