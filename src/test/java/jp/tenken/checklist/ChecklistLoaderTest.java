package jp.tenken.checklist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checklists are checked as data when loaded; a broken one names its file and item. */
class ChecklistLoaderTest {

    static final Set<String> CHAPTERS = Set.of("組織体制", "情報資産の分類と管理", "情報システム全体の強靭性の向上",
            "物理的セキュリティ", "人的セキュリティ", "技術的セキュリティ", "運用", "業務委託と外部サービスの利用", "評価・見直し");

    @TempDir
    Path dir;

    @Test
    void theCitysChecklistLoadsWithMoreThanSixtyItemsOverTheNineChapters() {
        Checklist checklist = ChecklistLoader.load(Path.of("checklists")).get("municipal-security-self-inspection");
        assertTrue(checklist.items().size() >= 60, "items: " + checklist.items().size());
        Set<String> chapters = new TreeSet<>();
        for (ChecklistItem item : checklist.items()) {
            chapters.add(item.chapter());
            assertTrue(item.questionEn() != null && !item.questionEn().isBlank(), item.id() + " has an English question");
            assertTrue(item.isoRefs().stream().allMatch(r -> r.matches("A\\.[5-8]\\.\\d{1,2}")), item.id() + " " + item.isoRefs());
            assertTrue(item.id().matches("(ORG|AST|RES|PHY|HUM|TEC|OPS|OUT|EVA)-\\d{2}"), item.id());
        }
        assertEquals(CHAPTERS, chapters);
        // docs/checklist.md: every item that tests a control names its Annex A controls; a gate question,
        // which only asks whether the items behind it apply, names none.
        Set<String> gates = new TreeSet<>();
        checklist.items().stream().filter(i -> i.dependsOn() != null).forEach(i -> gates.add(i.dependsOn()));
        for (ChecklistItem item : checklist.items()) {
            assertEquals(gates.contains(item.id()), item.isoRefs().isEmpty(), item.id() + " " + item.isoRefs());
        }
        ChecklistItem training = checklist.item("HUM-04").orElseThrow();
        assertEquals(AnswerType.PERCENT, training.answerType());
        assertEquals(100, training.threshold());
    }

    /**
     * A gate question may be answered NA (the department has no such system); the items behind it
     * may not, so that a department that answers the gate YES cannot skip them (SI-NA-NOT-ALLOWED).
     */
    @Test
    void theCitysGateQuestionsAllowNaAndTheItemsBehindThemDoNot() {
        Checklist checklist = ChecklistLoader.load(Path.of("checklists")).get("municipal-security-self-inspection");
        Set<String> gates = new TreeSet<>();
        for (ChecklistItem item : checklist.items()) {
            if (item.dependsOn() != null) {
                gates.add(item.dependsOn());
                assertEquals(Boolean.FALSE, item.naAllowed(), item.id() + " depends on " + item.dependsOn());
            }
        }
        assertEquals(Set.of("ORG-04", "RES-01", "PHY-06", "TEC-12", "OUT-01", "OUT-08", "OUT-11", "OUT-17", "OUT-21"), gates);
        for (String gate : gates) {
            ChecklistItem item = checklist.item(gate).orElseThrow();
            assertEquals(Boolean.TRUE, item.naAllowed(), gate);
            assertTrue(item.guidance().contains("「該当なし(NA)」と回答する"), gate + ": " + item.guidance());
        }
    }

    /** The lines {@link #load} writes before the items. */
    private static final String HEADER = "id: c\nversion: \"1\"\ntitle: t\nitems:\n";
    private static final int HEADER_LINES = (int) HEADER.lines().count();

    private Map<String, Checklist> load(String items) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), HEADER + items);
        return ChecklistLoader.load(dir);
    }

    private static final String GATE = "  - { id: G-01, chapter: 組織体制, question: q, severity: LOW, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n";

    private void assertRefused(String items, String expected) {
        ChecklistException e = assertThrows(ChecklistException.class, () -> load(items));
        assertTrue(e.getMessage().contains("broken.yaml") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aDuplicateIdIsRefused() {
        assertRefused(GATE + GATE, "(G-01): id G-01 is used twice");
    }

    @Test
    void dependsOnMustNameAnExistingItem() {
        assertRefused(GATE + "  - { id: S-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: true, dependsOn: X-99 }\n",
                "S-01: dependsOn X-99 is not an item");
    }

    @Test
    void dependsOnMustNameAYesNoItem() {
        assertRefused("  - { id: P-01, chapter: c, question: q, severity: HIGH, answerType: PERCENT, threshold: 50, evidenceRequired: false, naAllowed: false }\n"
                + "  - { id: S-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: true, dependsOn: P-01 }\n",
                "S-01: dependsOn P-01 must be a YES_NO item");
    }

    @Test
    void dependsOnMustNotMakeACycle() {
        assertRefused("  - { id: A-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: true, dependsOn: A-02 }\n"
                + "  - { id: A-02, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: true, dependsOn: A-01 }\n",
                "A-01: dependsOn makes a cycle");
    }

    @Test
    void aPercentItemNeedsAThresholdFromZeroToHundred() {
        assertRefused("  - { id: P-01, chapter: c, question: q, severity: HIGH, answerType: PERCENT, evidenceRequired: false, naAllowed: false }\n",
                "(P-01): a PERCENT item needs a threshold from 0 to 100");
        assertRefused("  - { id: P-01, chapter: c, question: q, severity: HIGH, answerType: PERCENT, threshold: 120, evidenceRequired: false, naAllowed: false }\n",
                "(P-01): a PERCENT item needs a threshold from 0 to 100");
    }

    /** A problem found in an item names the line where that item starts, so an editor can jump to it. */
    @Test
    void aProblemOfAnItemNamesTheLineOfThatItem() {
        String items = GATE + "  - { id: Q-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n" + GATE;
        ChecklistException e = assertThrows(ChecklistException.class, () -> load(items));
        assertTrue(e.getMessage().contains(dir.resolve("broken.yaml") + ":" + (HEADER_LINES + 3) + ": "), e.getMessage());
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        String items = GATE + "  - { id: Q-01, chapter: c: d }\n";
        ChecklistException e = assertThrows(ChecklistException.class, () -> load(items));
        assertTrue(e.getMessage().contains(dir.resolve("broken.yaml") + ":" + (HEADER_LINES + 2) + ": "), e.getMessage());
    }

    @Test
    void aValueOfTheWrongKindNamesItsLine() {
        String items = GATE + "  - { id: Q-01, chapter: c, question: q, severity: HIGH, answerType: MAYBE, evidenceRequired: false, naAllowed: false }\n";
        ChecklistException e = assertThrows(ChecklistException.class, () -> load(items));
        assertTrue(e.getMessage().contains(dir.resolve("broken.yaml") + ":" + (HEADER_LINES + 2) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("answerType"), e.getMessage());
    }

    @Test
    void requiredFieldsMustBePresent() {
        assertRefused("  - { id: Q-01, chapter: c, severity: HIGH, answerType: YES_NO }\n", "(Q-01): chapter, question, severity");
    }

    private static final String OPEN_GATE = "  - { id: G-01, chapter: c, question: q, severity: LOW, answerType: YES_NO, evidenceRequired: false, naAllowed: true }\n";

    @Test
    void scopeDefaultsToDepartmentAndTakesTheThreeValues() throws IOException {
        Checklist c = load(OPEN_GATE
                + "  - { id: S-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, dependsOn: G-01, scope: SYSTEM_OWNER }\n"
                + "  - { id: O-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, scope: ORGANIZATION }\n").get("c");
        assertEquals(ItemScope.DEPARTMENT, c.item("G-01").orElseThrow().scope());
        assertEquals(ItemScope.SYSTEM_OWNER, c.item("S-01").orElseThrow().scope());
        assertTrue(c.item("O-01").orElseThrow().organizationLevel());
    }

    @Test
    void anUnknownScopeNamesItsLine() {
        ChecklistException e = assertThrows(ChecklistException.class, () -> load(
                "  - { id: Q-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, scope: CITY }\n"));
        assertTrue(e.getMessage().contains(dir.resolve("broken.yaml") + ":" + (HEADER_LINES + 1) + ": ") && e.getMessage().contains("scope"), e.getMessage());
    }

    @Test
    void aSystemOwnerItemNeedsAGateOrNa() {
        assertRefused("  - { id: S-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, scope: SYSTEM_OWNER }\n",
                "(S-01): a SYSTEM_OWNER item needs a gate");
    }

    @Test
    void aGateMustAllowNa() {
        assertRefused(GATE + "  - { id: S-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, dependsOn: G-01 }\n",
                "S-01: dependsOn G-01 is a gate and must allow NA");
    }

    @Test
    void anItemAndItsGateHaveTheSameSubmitter() {
        assertRefused(OPEN_GATE + "  - { id: O-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false, dependsOn: G-01, scope: ORGANIZATION }\n",
                "O-01: dependsOn G-01 has scope DEPARTMENT but the item has scope ORGANIZATION");
    }

    @Test
    void aThresholdBelongsOnlyOnPercentItems() {
        assertRefused("  - { id: Q-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, threshold: 50, evidenceRequired: false, naAllowed: false }\n",
                "(Q-01): a threshold belongs only on PERCENT items");
    }

    // ───── versions and the mapping of old ids ─────

    private static final String OLD = "id: c\nversion: \"1\"\ntitle: t\nitems:\n"
            + "  - { id: A-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n"
            + "  - { id: A-02, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n"
            + "  - { id: A-03, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n";
    private static final String NEW_ITEMS = "items:\n"
            + "  - { id: A-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n"
            + "  - { id: B-01, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n"
            + "  - { id: B-02, chapter: c, question: q, severity: HIGH, answerType: YES_NO, evidenceRequired: false, naAllowed: false }\n";

    private ChecklistRegistry versions(String mapping) throws IOException {
        Files.createDirectories(dir.resolve("previous"));
        Files.writeString(dir.resolve("previous/c-1.yaml"), OLD);
        Files.writeString(dir.resolve("c.yaml"), "id: c\nversion: \"2\"\ntitle: t\nsupersedes:\n  version: \"1\"\n  items:\n" + mapping + NEW_ITEMS);
        return ChecklistRegistry.load(dir);
    }

    private void assertVersionsRefused(String mapping, String expected) {
        ChecklistException e = assertThrows(ChecklistException.class, () -> versions(mapping));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void anItemFollowsTheMappingAcrossVersions() throws IOException {
        ChecklistRegistry registry = versions("    A-01: A-01\n    A-02: B-01\n    A-03: removed\n");
        assertEquals("2", registry.checklist("c").orElseThrow().version());
        assertEquals("1", registry.checklist("c", "1").orElseThrow().version(), "the old version stays readable");
        assertEquals(java.util.Optional.of("A-01"), registry.follow("c", "1", "A-01", null));
        assertEquals(java.util.Optional.of("B-01"), registry.follow("c", "1", "A-02", null), "renamed");
        assertEquals(java.util.Optional.empty(), registry.follow("c", "1", "A-03", null), "removed");
        assertEquals(java.util.Optional.of("B-02"), registry.follow("c", "2", "B-02", null), "same version");
        assertEquals(java.util.Optional.empty(), registry.follow("c", "0", "A-01", null), "a version not kept");
    }

    @Test
    void everyOldIdIsMappedOrRemoved() {
        assertVersionsRefused("    A-01: A-01\n    A-02: B-01\n", "item A-03 of version 1 is neither mapped to an item nor marked removed");
    }

    @Test
    void noNewIdIsMappedTwice() {
        assertVersionsRefused("    A-01: A-01\n    A-02: B-01\n    A-03: B-01\n", "A-03 is mapped to B-01, which A-02 is already mapped to");
    }

    @Test
    void aMappingNamesItemsThatExist() {
        assertVersionsRefused("    A-01: A-01\n    A-02: B-09\n    A-03: removed\n    X-01: removed\n",
                "A-02 is mapped to B-09, which is not an item of version 2");
        assertVersionsRefused("    A-01: A-01\n    A-02: B-01\n    A-03: removed\n    X-01: removed\n", "X-01 is not an item of version 1");
    }

    @Test
    void theSupersededVersionMustBeKept() throws IOException {
        Files.writeString(dir.resolve("c.yaml"), "id: c\nversion: \"2\"\ntitle: t\nsupersedes:\n  version: \"1\"\n  items: {}\n" + NEW_ITEMS);
        ChecklistException e = assertThrows(ChecklistException.class, () -> ChecklistRegistry.load(dir));
        assertTrue(e.getMessage().contains("names version 1, which is not kept"), e.getMessage());
    }

    /** The city's checklist: the current version supersedes the 73-item 2025 version, every old id accounted for. */
    @Test
    void theCitysChecklistKeepsItsEarlierVersionAndMapsEveryOldId() {
        ChecklistRegistry registry = ChecklistRegistry.load(Path.of("checklists"));
        Checklist current = registry.checklist("municipal-security-self-inspection").orElseThrow();
        Checklist old = registry.checklist("municipal-security-self-inspection", "2025").orElseThrow();
        assertEquals(73, old.items().size());
        assertEquals("2025", current.supersedes().version());
        assertEquals(List.of(), ChecklistLoader.mappingProblems(current, old));
        assertEquals(java.util.Optional.empty(), registry.follow(current.id(), "2025", "EVA-04", null), "EVA-04 is removed");
    }

    /**
     * The city's current version as data: who answers what (the items behind ORG-04 by system owners,
     * five organization-level items answered by the security office and behind no department's gate),
     * the bundled questions of the 2025 version split, the PERCENT items with their thresholds.
     */
    @Test
    void theCitysCurrentVersionSaysWhoAnswersEachItem() {
        Checklist checklist = ChecklistLoader.load(Path.of("checklists")).get("municipal-security-self-inspection");
        Set<String> organizationLevel = new TreeSet<>();
        for (ChecklistItem item : checklist.items()) {
            if ("ORG-04".equals(item.dependsOn())) {
                assertEquals(ItemScope.SYSTEM_OWNER, item.scope(), item.id() + " sits behind ORG-04");
            }
            if (item.organizationLevel()) {
                organizationLevel.add(item.id());
                assertEquals(null, item.dependsOn(), item.id());
                assertTrue(item.guidance().startsWith("組織全体の項目。"), item.id() + ": " + item.guidance());
            }
        }
        assertEquals(new TreeSet<>(Set.of("RES-11", "RES-12", "TEC-18", "OPS-08", "EVA-06")), organizationLevel);
        // the split questions: each old id keeps one condition, the others have ids of their own
        for (String id : List.of("AST-08", "PHY-09", "PHY-11", "PHY-12", "PHY-13", "OUT-24", "OUT-25", "OUT-26", "TEC-18", "TEC-19")) {
            assertTrue(checklist.item(id).isPresent(), id);
        }
        assertTrue(checklist.item("EVA-04").isEmpty(), "EVA-04 duplicated TEC-05 and TEC-07");
        Map<String, Integer> thresholds = new java.util.TreeMap<>();
        checklist.items().stream().filter(i -> i.answerType() == AnswerType.PERCENT).forEach(i -> thresholds.put(i.id(), i.threshold()));
        assertEquals(Map.of("AST-02", 100, "HUM-04", 100, "HUM-05", 80, "TEC-02", 100), thresholds);
        // A department answers TEC-02 for the terminals it manages itself; central patching is TEC-18, the office's.
        assertEquals(Boolean.TRUE, checklist.item("TEC-02").orElseThrow().naAllowed(), "NA where every terminal is managed centrally");
        assertTrue(checklist.item("TEC-18").orElseThrow().organizationLevel());
        assertEquals(114, checklist.items().size());
    }
}
