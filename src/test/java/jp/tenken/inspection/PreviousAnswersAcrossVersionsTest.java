package jp.tenken.inspection;

import jp.tenken.TestEngine;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.engine.Finding;
import jp.tenken.inspection.facts.PreviousAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SI-REPEATED-FAILURE and "copy last year's answers" follow an item across checklist versions through
 * the documented mapping: a renamed item is a repeated failure, a removed one is not.
 */
class PreviousAnswersAcrossVersionsTest {

    @TempDir
    Path dir;

    private static final String ITEM = ", chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n";

    private InspectionChecker checker() throws IOException {
        Files.createDirectories(dir.resolve("previous"));
        Files.writeString(dir.resolve("previous/c-1.yaml"), "id: c\nversion: \"1\"\ntitle: t\nitems:\n"
                + "  - { id: A-01" + ITEM + "  - { id: A-02" + ITEM + "  - { id: A-03" + ITEM);
        Files.writeString(dir.resolve("c.yaml"), "id: c\nversion: \"2\"\ntitle: t\nsupersedes:\n  version: \"1\"\n  items:\n"
                + "    A-01: A-01\n    A-02: B-01\n    A-03: removed\nitems:\n"
                + "  - { id: A-01" + ITEM + "  - { id: B-01" + ITEM + "  - { id: B-02" + ITEM);
        return new InspectionChecker(TestEngine.ruleBase(), ChecklistRegistry.load(dir), TestEngine.registry());
    }

    private static Answer no(String itemId) {
        return new Answer(itemId, AnswerValue.NO, null, null, new Remediation("直す", LocalDate.of(2026, 3, 31)));
    }

    private static StoredInspection stored(String version, List<Answer> answers) {
        InspectionSubmission submission = new InspectionSubmission("c", "hiratsuka", "市民課", 2025, LocalDate.of(2025, 10, 15), answers);
        return new StoredInspection("s1", "hiratsuka", "市民課", 2025, "c", version, LocalDate.of(2025, 10, 15),
                OffsetDateTime.now(), "officer", InspectionStatus.NEEDS_IMPROVEMENT, "r", submission, List.of(), true);
    }

    @Test
    void lastYearsAnswersAreNamedAsTheCurrentVersionNamesTheirItems() throws IOException {
        InspectionChecker checker = checker();
        List<PreviousAnswer> previous = checker.previousAnswers(stored("1", List.of(no("A-01"), no("A-02"), no("A-03"))));
        assertEquals(List.of(new PreviousAnswer("A-01", "NO", 2025), new PreviousAnswer("B-01", "NO", 2025)), previous);
        assertEquals(List.of("A-01", "B-01"), checker.inCurrentVersion(stored("1", List.of(no("A-01"), no("A-02"), no("A-03"))))
                .answers().stream().map(Answer::itemId).toList(), "copying last year's answers into the form");
    }

    @Test
    void aRenamedItemIsARepeatedFailureAndARemovedOneIsNot() throws IOException {
        InspectionChecker checker = checker();
        List<PreviousAnswer> previous = checker.previousAnswers(stored("1", List.of(no("A-01"), no("A-02"), no("A-03"))));
        InspectionSubmission now = new InspectionSubmission("c", "hiratsuka", "市民課", 2026, LocalDate.of(2026, 10, 15),
                List.of(new Answer("A-01", AnswerValue.YES, null, null, null), no("B-01"), no("B-02")));
        List<String> repeated = checker.check(now, previous).findings().stream()
                .filter(f -> f.ruleId().equals("SI-REPEATED-FAILURE")).map(Finding::target).map(t -> t.itemId()).toList();
        assertEquals(List.of("B-01"), repeated);
    }

    @Test
    void answersOfTheCurrentVersionStayAsTheyAre() throws IOException {
        assertEquals(List.of(new PreviousAnswer("B-02", "NO", 2025)), checker().previousAnswers(stored("2", List.of(no("B-02")))));
    }
}
