package jp.tenken.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.tenken.TestEngine;
import jp.tenken.account.Account;
import jp.tenken.account.Caller;
import jp.tenken.account.Role;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.FailingActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.document.DocumentFormat;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every database behind {@link InspectionDraftStore} must do; run on H2 and PostgreSQL by the
 * subclasses. Each test uses a fiscal year or department of its own, so they share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InspectionDraftStoreContract {

    private static final ObjectMapper JSON = new JsonMapper();
    private static final String CITY = "hiratsuka";
    private static final String CHECKLIST = Submissions.CHECKLIST.id();

    private TestDatabase database;
    private ActivityLog activity;
    private InspectionDraftStore drafts;
    private InspectionStore inspections;
    private InspectionService service;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        drafts = new JdbcInspectionDraftStore(database.dataSource(), activity);
        inspections = new JdbcInspectionStore(database.dataSource(), activity);
        InspectionChecker checker = new InspectionChecker(TestEngine.ruleBase(),
                new ChecklistRegistry(Map.of(CHECKLIST, Submissions.CHECKLIST)), TestEngine.registry());
        service = new InspectionService(checker, inspections, TestWaivers.over(database.dataSource(), activity, Submissions.CHECKLIST));
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Half the form filled in, with what an officer really types: Japanese, a percent that is no number, empty boxes. */
    private static List<DraftAnswer> halfFilled() {
        List<DraftAnswer> answers = new ArrayList<>();
        answers.add(new DraftAnswer("ORG-01", "YES", null, "情報セキュリティ基本方針(令和7年4月改定)\n庁議資料 p.3", "", ""));
        answers.add(new DraftAnswer("HUM-04", "", "9x", "", "未受講者へ再通知する", "2026-3-31頃"));
        answers.add(new DraftAnswer("PHY-02", "NO", "", null, "施錠キャビネットを導入 🔒", "来年度中"));
        answers.add(new DraftAnswer("HUM-03", null, null, null, null, null));
        answers.add(new DraftAnswer("ORG-02", "PARTIAL", " 92 ", "\t字下げ付き", "  ", "２０２６−０３−３１"));
        return answers;
    }

    @Test
    void aDraftIsReadBackExactlyAsTyped() {
        String user = unique("officer");
        InspectionDraft saved = drafts.save(CITY, "市民課", 2031, CHECKLIST, halfFilled(), user);
        assertEquals(user, saved.savedBy());
        assertEquals(halfFilled(), saved.answers());
        InspectionDraft read = drafts.find(CITY, "市民課", 2031).orElseThrow();
        assertEquals(saved, read);
        assertEquals("9x", read.answers().get(1).value());
        assertEquals("", read.answers().get(1).answer(), "an empty answer stays empty, not absent");
        assertEquals(null, read.answers().get(3).answer(), "an absent answer stays absent");
        assertEquals("  ", read.answers().get(4).remediationAction(), "blanks are kept");
        assertEquals("施錠キャビネットを導入 🔒", read.answers().get(2).remediationAction());
    }

    @Test
    void anEmptyDraftIsADraft() {
        InspectionDraft saved = drafts.save(CITY, "市民課", 2032, CHECKLIST, List.of(), unique("officer"));
        assertEquals(saved, drafts.find(CITY, "市民課", 2032).orElseThrow());
        assertEquals(List.of(), drafts.find(CITY, "市民課", 2032).orElseThrow().answers());
    }

    @Test
    void thereIsNoDraftUntilOneIsSaved() {
        assertEquals(Optional.empty(), drafts.find(CITY, "市民課", 2033));
    }

    @Test
    void savingAgainReplacesTheDraftWhoeverSavesIt() throws Exception {
        String first = unique("officer");
        String second = unique("officer");
        InspectionDraft earlier = drafts.save(CITY, "保育課", 2031, CHECKLIST, halfFilled(), first);
        Thread.sleep(5);
        List<DraftAnswer> fewer = List.of(new DraftAnswer("ORG-01", "NO", null, "見直し中", "改定する", "2026-03-31"));
        InspectionDraft later = drafts.save(CITY, "保育課", 2031, CHECKLIST, fewer, second);
        InspectionDraft read = drafts.find(CITY, "保育課", 2031).orElseThrow();
        assertEquals(later, read);
        assertEquals(fewer, read.answers(), "the answers are replaced, not merged");
        assertEquals(second, read.savedBy());
        assertTrue(read.savedAt().isAfter(earlier.savedAt()), "saved again, later");
    }

    @Test
    void draftsAreKeptApartByOrganizationDepartmentAndYear() {
        String user = unique("officer");
        drafts.save(CITY, "介護保険課", 2031, CHECKLIST, halfFilled(), user);
        List<DraftAnswer> other = List.of(new DraftAnswer("ORG-01", "NA", null, null, null, null));
        drafts.save(CITY, "介護保険課", 2032, CHECKLIST, other, user);
        drafts.save("oiso", "介護保険課", 2031, CHECKLIST, other, user);
        drafts.save(CITY, "福祉総務課", 2031, CHECKLIST, other, user);
        assertEquals(halfFilled(), drafts.find(CITY, "介護保険課", 2031).orElseThrow().answers());
        assertEquals(other, drafts.find(CITY, "介護保険課", 2032).orElseThrow().answers());
        assertEquals(other, drafts.find("oiso", "介護保険課", 2031).orElseThrow().answers());
    }

    @Test
    void everySaveHasItsEntryAndADeletionToo() {
        String user = unique("officer");
        InspectionDraft first = drafts.save(CITY, "環境保全課", 2031, CHECKLIST, halfFilled(), user);
        InspectionDraft second = drafts.save(CITY, "環境保全課", 2031, CHECKLIST, List.of(), user);
        assertTrue(drafts.delete(CITY, "環境保全課", 2031, user));
        assertFalse(drafts.delete(CITY, "環境保全課", 2031, user), "nothing left to delete");
        List<ActivityEntry> entries = activity.list(ActivityQuery.newest().withUser(user));
        assertEquals(List.of(ActivityAction.INSPECTION_DRAFT_DELETED, ActivityAction.INSPECTION_DRAFT_SAVED,
                ActivityAction.INSPECTION_DRAFT_SAVED), entries.stream().map(ActivityEntry::action).toList());
        Map<String, Object> target = Map.of("department", "環境保全課", "fiscalYear", 2031);
        assertEquals(new ActivityEntry(second.savedAt().toInstant(), user, ActivityAction.INSPECTION_DRAFT_SAVED, CITY,
                target, Outcome.OK), entries.get(1));
        assertEquals(new ActivityEntry(first.savedAt().toInstant(), user, ActivityAction.INSPECTION_DRAFT_SAVED, CITY,
                target, Outcome.OK), entries.get(2));
        assertEquals(target, entries.get(0).target());
        assertEquals(CITY, entries.get(0).organization());
        assertEquals(Optional.empty(), drafts.find(CITY, "環境保全課", 2031));
    }

    @Test
    void aSaveWhoseEntryCannotBeWrittenChangesNothing() {
        String user = unique("officer");
        InspectionDraft kept = drafts.save(CITY, "健康課", 2031, CHECKLIST, halfFilled(), user);
        InspectionDraftStore failing = new JdbcInspectionDraftStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        assertThrows(RuntimeException.class, () -> failing.save(CITY, "健康課", 2031, CHECKLIST, List.of(), user));
        assertThrows(RuntimeException.class, () -> failing.save(CITY, "健康課", 2034, CHECKLIST, List.of(), user));
        assertThrows(RuntimeException.class, () -> failing.delete(CITY, "健康課", 2031, user));
        assertEquals(kept, drafts.find(CITY, "健康課", 2031).orElseThrow());
        assertEquals(Optional.empty(), drafts.find(CITY, "健康課", 2034));
        assertEquals(1, activity.list(ActivityQuery.newest().withUser(user)).size(), "no entry without its write");
    }

    @Test
    void aSubmissionDeletesItsDepartmentsDraftOfThatYearOnly() throws Exception {
        String user = unique("officer");
        drafts.save(CITY, "農水産課", 2025, CHECKLIST, halfFilled(), user);
        drafts.save(CITY, "農水産課", 2024, CHECKLIST, halfFilled(), user);
        drafts.save(CITY, "商業観光課", 2025, CHECKLIST, halfFilled(), user);
        service.submit(admin(user), read(Submissions.compliant("農水産課", 2025)));
        assertEquals(Optional.empty(), drafts.find(CITY, "農水産課", 2025), "a submitted form leaves no stale draft");
        assertTrue(drafts.find(CITY, "農水産課", 2024).isPresent(), "another year's draft stays");
        assertTrue(drafts.find(CITY, "商業観光課", 2025).isPresent(), "another department's draft stays");
        assertEquals(List.of(ActivityAction.INSPECTION_SUBMITTED), activity.list(ActivityQuery.newest().withUser(user)
                .withLimit(1)).stream().map(ActivityEntry::action).toList());
    }

    @Test
    void aSubmissionNamedByAnAliasDeletesTheDraftOfItsDepartment() throws Exception {
        String user = unique("officer");
        String alias = TestEngine.registry().requireDirectory(CITY).units().stream()
                .filter(d -> !d.aliases().isEmpty()).findFirst().orElseThrow().aliases().get(0);
        String unit = TestEngine.registry().requireDirectory(CITY).requireUnit(alias, "department").name();
        drafts.save(CITY, unit, 2025, CHECKLIST, halfFilled(), user);
        service.submit(admin(user), read(Submissions.compliant(alias, 2025)));
        assertEquals(Optional.empty(), drafts.find(CITY, unit, 2025));
    }

    @Test
    void aSubmissionThatFailsLeavesTheDraft() throws Exception {
        String user = unique("officer");
        InspectionDraft kept = drafts.save(CITY, "障がい福祉課", 2025, CHECKLIST, halfFilled(), user);
        InspectionStore failing = new JdbcInspectionStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        InspectionService failingService = new InspectionService(new InspectionChecker(TestEngine.ruleBase(),
                new ChecklistRegistry(Map.of(CHECKLIST, Submissions.CHECKLIST)), TestEngine.registry()), failing,
                TestWaivers.over(database.dataSource(), activity, Submissions.CHECKLIST));
        assertThrows(RuntimeException.class, () -> failingService.submit(admin(user), read(Submissions.compliant("障がい福祉課", 2025))));
        assertEquals(kept, drafts.find(CITY, "障がい福祉課", 2025).orElseThrow(), "the draft goes only with a stored submission");
    }

    @Test
    void aDraftCountsInNoListOfInspections() {
        drafts.save(CITY, "文化・交流課", 2031, CHECKLIST, halfFilled(), unique("officer"));
        assertEquals(List.of(), inspections.current(CITY, 2031, null));
        assertEquals(List.of(), inspections.current(CITY, null, "文化・交流課"));
        assertEquals(Optional.empty(), inspections.current(CITY, "文化・交流課", 2031));
    }

    private static Caller admin(String username) {
        return new Caller(new Account(username, username, null, Set.of(Role.ADMIN), CITY, Set.of(), true));
    }

    private static InspectionSubmission read(Map<String, Object> body) throws Exception {
        return TestEngine.reader().read(JSON.writeValueAsBytes(body), DocumentFormat.JSON, InspectionSubmission.class);
    }
}
