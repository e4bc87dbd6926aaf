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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every database behind {@link InspectionStore} must do; run on H2 and PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InspectionStoreContract {

    private static final ObjectMapper JSON = new JsonMapper();

    /** Who submits in the tests that do not ask who submitted. */
    private static final Caller OFFICER = caller("officer");

    private TestDatabase database;
    private ActivityLog activity;
    private InspectionStore store;
    private InspectionService service;
    private InspectionChecker checker;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcInspectionStore(database.dataSource(), activity);
        checker = new InspectionChecker(TestEngine.ruleBase(),
                new ChecklistRegistry(Map.of(Submissions.CHECKLIST.id(), Submissions.CHECKLIST)), TestEngine.registry());
        service = new InspectionService(checker, store, TestWaivers.over(database.dataSource(), activity, Submissions.CHECKLIST));
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    /** A user who may submit for every department of the city (the permissions are not what is tested here). */
    private static Caller caller(String username) {
        return new Caller(new Account(username, username, null, Set.of(Role.ADMIN), "hiratsuka", Set.of(), true));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private StoredInspection submit(Map<String, Object> body) throws Exception {
        return submit(OFFICER, body);
    }

    private StoredInspection submit(Caller caller, Map<String, Object> body) throws Exception {
        return service.submit(caller, read(body));
    }

    /** The activity entries of one user, newest first. */
    private List<ActivityEntry> entriesOf(String user) {
        return activity.list(ActivityQuery.newest().withUser(user));
    }

    /** The entry a stored submission must have: by its user, in its organization, when it was stored. */
    private static ActivityEntry submitted(StoredInspection stored) {
        return new ActivityEntry(stored.storedAt().toInstant(), stored.submittedBy(), ActivityAction.INSPECTION_SUBMITTED,
                stored.organization(), Map.of("inspectionId", stored.id(), "department", stored.department(),
                "fiscalYear", stored.fiscalYear()), Outcome.OK);
    }

    @Test
    void storesAndReadsASubmissionBackWithItsAnswersAndFindings() throws Exception {
        StoredInspection stored = submit(Submissions.nonCompliant("保育課", 2025));
        StoredInspection read = store.find(stored.id()).orElseThrow();
        assertEquals(stored, read);
        assertEquals(InspectionStatus.NON_COMPLIANT, read.status());
        assertEquals(Submissions.CHECKLIST.items().size(), read.submission().answers().size());
    }

    @Test
    void aLaterSubmissionSupersedesTheEarlierWhichIsKept() throws Exception {
        StoredInspection first = submit(Submissions.nonCompliant("介護保険課", 2025));
        StoredInspection second = submit(Submissions.compliant("介護保険課", 2025));
        assertEquals(second.id(), store.current("hiratsuka", "介護保険課", 2025).orElseThrow().id());
        StoredInspection old = store.find(first.id()).orElseThrow();
        assertFalse(old.current());
        assertEquals(InspectionStatus.NON_COMPLIANT, old.status());
        assertTrue(store.find(second.id()).orElseThrow().current());
        assertEquals(List.of(second.id()), store.current("hiratsuka", 2025, "介護保険課").stream().map(StoredInspection::id).toList());
    }

    @Test
    void theCurrentStatusesOfAYearAreThoseOfTheCurrentSubmissionsOnly() throws Exception {
        StoredInspection superseded = submit(Submissions.compliant("農水産課", 2022));
        StoredInspection latest = submit(Submissions.nonCompliant("農水産課", 2022));
        StoredInspection other = submit(Submissions.compliant("保険年金課", 2022));
        submit(Submissions.compliant("農水産課", 2021));
        List<CurrentStatus> statuses = store.currentStatuses("hiratsuka", 2022, null);
        assertEquals(List.of(other.id(), latest.id()), statuses.stream().map(CurrentStatus::id)
                .filter(id -> id.equals(other.id()) || id.equals(latest.id()) || id.equals(superseded.id())).toList(),
                "one per department, ordered by department");
        CurrentStatus farming = statuses.stream().filter(s -> s.id().equals(latest.id())).findFirst().orElseThrow();
        assertEquals("農水産課", farming.department());
        assertEquals(InspectionStatus.NON_COMPLIANT, farming.status());
        assertEquals(latest.findings(), farming.findings());
        assertTrue(store.currentStatuses("oiso", 2022, null).isEmpty());
    }

    @Test
    void asOfADateOnlySubmissionsDatedByThenCountTheLatestOfThemCurrent() throws Exception {
        Map<String, Object> early = Submissions.nonCompliant("健康課", 2021);
        early.put("submittedOn", "2021-06-01");
        Map<String, Object> late = Submissions.compliant("健康課", 2021);
        late.put("submittedOn", "2021-10-01");
        StoredInspection first = submit(early);
        StoredInspection second = submit(late);
        assertEquals(List.of(), ids(store.currentStatuses("hiratsuka", 2021, LocalDate.of(2021, 5, 31)), first, second), "nothing yet");
        assertEquals(List.of(first.id()), ids(store.currentStatuses("hiratsuka", 2021, LocalDate.of(2021, 6, 1)), first, second));
        assertEquals(List.of(first.id()), ids(store.currentStatuses("hiratsuka", 2021, LocalDate.of(2021, 9, 30)), first, second));
        assertEquals(List.of(second.id()), ids(store.currentStatuses("hiratsuka", 2021, LocalDate.of(2021, 10, 1)), first, second));
        assertEquals(List.of(second.id()), ids(store.currentStatuses("hiratsuka", 2021, null), first, second));
    }

    private static List<String> ids(List<CurrentStatus> statuses, StoredInspection... of) {
        List<String> wanted = java.util.Arrays.stream(of).map(StoredInspection::id).toList();
        return statuses.stream().map(CurrentStatus::id).filter(wanted::contains).toList();
    }

    @Test
    void aSubmissionOfAnotherOrganizationForTheSameDepartmentAndYearSupersedesNothingHere() throws Exception {
        StoredInspection ours = submit(Submissions.nonCompliant("市民課", 2025));
        // The checker knows only the registered city; the store is given the other organization's check as is.
        InspectionCheck city = checker.check(read(Submissions.compliant("市民課", 2025)), List.of());
        InspectionSubmission s = city.submission();
        StoredInspection theirs = store.store(new InspectionCheck(new InspectionSubmission(s.checklistId(), "oiso",
                s.department(), s.fiscalYear(), s.submittedOn(), s.answers()), city.department(), city.checklist(),
                city.rulesVersion(), city.findings(), city.status()), "oiso-officer");
        assertEquals(ours.id(), store.current("hiratsuka", "市民課", 2025).orElseThrow().id());
        assertTrue(store.find(ours.id()).orElseThrow().current());
        assertEquals(theirs.id(), store.current("oiso", "市民課", 2025).orElseThrow().id());
        assertEquals(List.of(ours.id()), store.current("hiratsuka", 2025, null).stream().map(StoredInspection::id)
                .filter(id -> id.equals(ours.id()) || id.equals(theirs.id())).toList());
    }

    private static InspectionSubmission read(Map<String, Object> body) throws Exception {
        return TestEngine.reader().read(JSON.writeValueAsBytes(body), DocumentFormat.JSON, InspectionSubmission.class);
    }

    @Test
    void theLatestOfEachDepartmentIsTheCurrentSubmissionOfItsLatestYearSubmittedByTheDate() throws Exception {
        StoredInspection earlier = submit(Submissions.compliant("危機管理課", 2023));
        StoredInspection superseded = submit(Submissions.nonCompliant("危機管理課", 2024));
        StoredInspection latest = submit(Submissions.compliant("危機管理課", 2024));
        StoredInspection other = submit(Submissions.compliant("交通政策課", 2023));
        // Submitted on 2024-10-15 (Submissions dates each one on the 15th of October of its year).
        assertEquals(List.of(other.id(), latest.id()), latestOf(java.time.LocalDate.of(2025, 3, 31), "危機管理課", "交通政策課"));
        assertEquals(List.of(other.id(), earlier.id()), latestOf(java.time.LocalDate.of(2024, 10, 14), "危機管理課", "交通政策課"));
        assertTrue(latestOf(java.time.LocalDate.of(2023, 10, 14), "危機管理課", "交通政策課").isEmpty());
        StoredInspection read = store.latestCurrent("hiratsuka", java.time.LocalDate.of(2025, 3, 31)).stream()
                .filter(i -> i.id().equals(latest.id())).findFirst().orElseThrow();
        assertEquals(store.find(latest.id()).orElseThrow(), read, "read whole, answers and all");
        assertFalse(latestOf(java.time.LocalDate.of(2030, 1, 1), "危機管理課").contains(superseded.id()));
        assertTrue(store.latestCurrent("oiso", java.time.LocalDate.of(2030, 1, 1)).isEmpty());
    }

    private List<String> latestOf(java.time.LocalDate date, String... departments) {
        List<String> wanted = List.of(departments);
        return store.latestCurrent("hiratsuka", date).stream().filter(i -> wanted.contains(i.department()))
                .map(StoredInspection::id).toList();
    }

    @Test
    void listsCurrentSubmissionsByYearAndDepartment() throws Exception {
        submit(Submissions.compliant("商業観光課", 2024));
        submit(Submissions.compliant("商業観光課", 2023));
        submit(Submissions.compliant("文化・交流課", 2024));
        List<StoredInspection> year = store.current("hiratsuka", 2024, null);
        assertTrue(year.stream().anyMatch(i -> i.department().equals("商業観光課")));
        assertTrue(year.stream().anyMatch(i -> i.department().equals("文化・交流課")));
        assertTrue(year.stream().allMatch(i -> i.fiscalYear() == 2024));
        assertEquals(2, store.current("hiratsuka", null, "商業観光課").size());
    }

    @Test
    void aNoRepeatedFromThePreviousYearIsFound() throws Exception {
        submit(Submissions.nonCompliant("障がい福祉課", 2024));
        StoredInspection now = submit(Submissions.nonCompliant("障がい福祉課", 2025));
        assertTrue(now.findings().stream().anyMatch(f -> f.ruleId().equals("SI-REPEATED-FAILURE")
                && "PHY-02".equals(f.target().itemId())), now.findings().toString());
    }

    @Test
    void aSubmissionNamesTheUserWhoSubmittedIt() throws Exception {
        String first = unique("officer");
        String second = unique("officer");
        StoredInspection earlier = submit(caller(first), Submissions.compliant("環境保全課", 2025));
        assertEquals(first, earlier.submittedBy());
        assertEquals(earlier, store.find(earlier.id()).orElseThrow());
        StoredInspection later = submit(caller(second), Submissions.nonCompliant("環境保全課", 2025));
        assertEquals(later, store.find(later.id()).orElseThrow());
        assertEquals(first, store.find(earlier.id()).orElseThrow().submittedBy(), "a superseded one still names its user");
        assertEquals(second, store.current("hiratsuka", "環境保全課", 2025).orElseThrow().submittedBy());
        assertEquals(List.of(second), store.current("hiratsuka", 2025, "環境保全課").stream()
                .map(StoredInspection::submittedBy).toList(), "the list names who submitted each current submission");
    }

    @Test
    void everySubmissionHasOneEntryWrittenWithIt() throws Exception {
        String user = unique("officer");
        StoredInspection first = submit(caller(user), Submissions.nonCompliant("農水産課", 2024));
        StoredInspection second = submit(caller(user), Submissions.compliant("農水産課", 2024));
        StoredInspection other = submit(caller(user), Submissions.compliant("農水産課", 2025));
        assertEquals(List.of(submitted(other), submitted(second), submitted(first)), entriesOf(user));
        assertEquals(Map.of("inspectionId", first.id(), "department", "農水産課", "fiscalYear", 2024),
                entriesOf(user).get(2).target());
    }

    @Test
    void aSubmissionWhoseEntryCannotBeWrittenIsNotStored() throws Exception {
        String user = unique("officer");
        StoredInspection kept = submit(caller(user), Submissions.compliant("健康課", 2025));
        InspectionStore failing = new JdbcInspectionStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        InspectionCheck check = checker.check(read(Submissions.nonCompliant("健康課", 2025)), List.of());
        assertThrows(RuntimeException.class, () -> failing.store(check, user));
        assertEquals(kept.id(), store.current("hiratsuka", "健康課", 2025).orElseThrow().id(), "nothing superseded it");
        assertEquals(List.of(kept.id()), store.current("hiratsuka", null, "健康課").stream().map(StoredInspection::id).toList());
        assertEquals(List.of(submitted(kept)), entriesOf(user), "no entry without its submission");
    }
}
