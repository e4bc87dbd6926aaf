package jp.tenken.audit;

import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.FailingActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.audit.AuditStore.CompletionOutcome;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Who recorded an audit and each completion, and the activity entry every accepted write of the
 * audit store leaves in its own transaction; run on H2 and on PostgreSQL by the subclasses. The tests
 * share one database, so each works in an organization and with users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditStoreContract {

    private static final LocalDate AUDITED_ON = LocalDate.of(2024, 11, 20);

    private TestDatabase database;
    private ActivityLog activity;
    private AuditStore store;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcAuditStore(database.dataSource(), activity);
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AuditFinding finding(String id, LocalDate completedOn) {
        return new AuditFinding(id, "PHY-02", ItemSeverity.HIGH, "指摘",
                new CorrectiveAction("是正する", LocalDate.of(2025, 3, 31), completedOn));
    }

    private static AuditRecord record(String organization, List<AuditFinding> findings) {
        return new AuditRecord(organization, "市民課", 2024, AUDITED_ON, List.of(new Auditor("監査員A", "職員課")), findings);
    }

    private static CorrectiveAction action(StoredAudit audit, String findingId) {
        return audit.record().findings().stream().filter(f -> f.id().equals(findingId)).findFirst().orElseThrow()
                .correctiveAction();
    }

    /** The activity entries of one user, newest first. */
    private List<ActivityEntry> entriesOf(String user) {
        return activity.list(ActivityQuery.newest().withUser(user));
    }

    private static ActivityEntry recorded(StoredAudit audit) {
        return new ActivityEntry(audit.storedAt().toInstant(), audit.recordedBy(), ActivityAction.AUDIT_RECORDED,
                audit.record().organization(), Map.of("auditId", audit.id(), "department", audit.record().department(),
                "fiscalYear", audit.record().fiscalYear()), Outcome.OK);
    }

    private static ActivityEntry completed(StoredAudit audit, String findingId, RecordedCompletion completion) {
        return new ActivityEntry(completion.recordedAt().toInstant(), completion.completedBy(), ActivityAction.ACTION_COMPLETED,
                audit.record().organization(), Map.of("auditId", audit.id(), "findingId", findingId,
                "completedOn", completion.completedOn().toString()), Outcome.OK);
    }

    /** What the plan check reads: the departments audited per year, each once, only of the organization and years asked. */
    @Test
    void theDepartmentsAuditedPerYearAreReadOnceEachWithinTheYearsAsked() {
        String organization = unique("city");
        String other = unique("other");
        String auditor = unique("auditor");
        assertEquals(java.util.Optional.empty(), store.departmentsAudited(organization, 2020, 2030), "no audit at all");
        store.store(new AuditRecord(organization, "市民課", 2024, AUDITED_ON, List.of(), List.of()), auditor);
        store.store(new AuditRecord(organization, "市民課", 2024, LocalDate.of(2025, 1, 15), List.of(), List.of()), auditor);
        store.store(new AuditRecord(organization, "保育課", 2024, AUDITED_ON, List.of(), List.of()), auditor);
        store.store(new AuditRecord(organization, "職員課", 2022, LocalDate.of(2022, 11, 20), List.of(), List.of()), auditor);
        store.store(new AuditRecord(other, "介護保険課", 2024, AUDITED_ON, List.of(), List.of()), auditor);
        assertEquals(Map.of(2024, java.util.Set.of("市民課", "保育課")), store.departmentsAudited(organization, 2023, 2025).orElseThrow());
        assertEquals(Map.of(2022, java.util.Set.of("職員課"), 2024, java.util.Set.of("市民課", "保育課")),
                store.departmentsAudited(organization, 2022, 2024).orElseThrow());
        assertEquals(Map.of(), store.departmentsAudited(organization, 2025, 2026).orElseThrow(), "records, but none in those years");
    }

    @Test
    void anAuditNamesTheUserWhoRecordedItAndItsCompletionsTheirs() {
        String organization = unique("org");
        String auditor = unique("auditor");
        LocalDate withTheRecord = LocalDate.of(2025, 1, 10);
        StoredAudit stored = store.store(record(organization, List.of(finding("F1", withTheRecord), finding("F2", null))), auditor);
        assertEquals(auditor, stored.recordedBy());
        assertEquals(stored, store.find(stored.id()).orElseThrow());
        assertEquals(List.of(stored), store.list(organization, null, null, null));
        assertEquals(auditor, action(stored, "F1").completions().get(0).completedBy(),
                "a completion sent with the record is recorded by the record's user");

        String other = unique("auditor");
        assertEquals(CompletionOutcome.RECORDED, store.complete(stored.id(), "F2", new Completion(LocalDate.of(2025, 2, 1), null), other));
        StoredAudit read = store.find(stored.id()).orElseThrow();
        assertEquals(auditor, read.recordedBy(), "completing an action does not change who recorded the audit");
        assertEquals(other, action(read, "F2").completions().get(0).completedBy());
        assertEquals(auditor, action(read, "F1").completions().get(0).completedBy());
    }

    @Test
    void everyRecordedAuditAndCompletionHasOneEntryWrittenWithIt() {
        String organization = unique("org");
        String auditor = unique("auditor");
        StoredAudit audit = store.store(record(organization, List.of(finding("F1", null))), auditor);
        assertEquals(List.of(recorded(audit)), entriesOf(auditor));

        assertEquals(CompletionOutcome.RECORDED, store.complete(audit.id(), "F1", new Completion(LocalDate.of(2025, 2, 1), null), auditor));
        StoredAudit completedOnce = store.find(audit.id()).orElseThrow();
        RecordedCompletion first = action(completedOnce, "F1").completions().get(0);
        assertEquals(List.of(completed(audit, "F1", first), recorded(audit)), entriesOf(auditor));
        assertEquals(Map.of("auditId", audit.id(), "findingId", "F1", "completedOn", "2025-02-01"),
                entriesOf(auditor).get(0).target());

        String corrector = unique("auditor");
        assertEquals(CompletionOutcome.RECORDED,
                store.complete(audit.id(), "F1", new Completion(LocalDate.of(2025, 2, 3), "日付の誤り"), corrector));
        RecordedCompletion correction = action(store.find(audit.id()).orElseThrow(), "F1").completions().get(1);
        assertEquals(corrector, correction.completedBy());
        assertEquals(List.of(completed(audit, "F1", correction)), entriesOf(corrector), "a correction is an entry of its own");
        assertEquals(List.of(audit.storedAt().toInstant()), activity.list(ActivityQuery.newest().withOrganization(organization)
                .withAction(ActivityAction.AUDIT_RECORDED)).stream().map(ActivityEntry::at).toList());
    }

    @Test
    void aCompletionThatRecordsNothingWritesNoEntry() {
        String organization = unique("org");
        String auditor = unique("auditor");
        StoredAudit audit = store.store(record(organization, List.of(finding("F1", null))), auditor);
        Completion completion = new Completion(LocalDate.of(2025, 2, 1), null);
        assertEquals(CompletionOutcome.RECORDED, store.complete(audit.id(), "F1", completion, auditor));

        String retrier = unique("auditor");
        assertEquals(CompletionOutcome.ALREADY_RECORDED, store.complete(audit.id(), "F1", completion, retrier));
        assertEquals(CompletionOutcome.REASON_REQUIRED,
                store.complete(audit.id(), "F1", new Completion(LocalDate.of(2025, 2, 2), null), retrier));
        assertEquals(CompletionOutcome.NO_SUCH_FINDING,
                store.complete(audit.id(), "F9", new Completion(LocalDate.of(2025, 2, 2), null), retrier));
        assertEquals(List.of(), entriesOf(retrier), "a retry, a refused correction and an unknown finding write nothing");
        assertEquals(1, activity.list(ActivityQuery.newest().withOrganization(organization)
                .withAction(ActivityAction.ACTION_COMPLETED)).size(), "the identical retry left no second entry");
        assertEquals(1, action(store.find(audit.id()).orElseThrow(), "F1").completions().size());
    }

    @Test
    void anAuditWhoseEntryCannotBeWrittenIsNotStored() {
        String organization = unique("org");
        String auditor = unique("auditor");
        AuditStore failing = new JdbcAuditStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        assertThrows(RuntimeException.class,
                () -> failing.store(record(organization, List.of(finding("F1", LocalDate.of(2025, 1, 10)))), auditor));
        assertEquals(List.of(), store.list(organization, null, null, null), "the record rolled back with its entry");
        assertEquals(List.of(), entriesOf(auditor), "no entry without its record");
    }

    @Test
    void aCompletionWhoseEntryCannotBeWrittenIsNotRecorded() {
        String organization = unique("org");
        String auditor = unique("auditor");
        StoredAudit audit = store.store(record(organization, List.of(finding("F1", null))), auditor);
        AuditStore failing = new JdbcAuditStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        String completer = unique("auditor");
        Completion completion = new Completion(LocalDate.of(2025, 2, 1), null);
        assertThrows(RuntimeException.class, () -> failing.complete(audit.id(), "F1", completion, completer));
        CorrectiveAction action = action(store.find(audit.id()).orElseThrow(), "F1");
        assertEquals(List.of(), action.completions(), "the completion rolled back with its entry");
        assertEquals(null, action.completedOn());
        assertEquals(List.of(), entriesOf(completer));
        assertEquals(CompletionOutcome.RECORDED, store.complete(audit.id(), "F1", completion, completer),
                "the same completion sent again is the first, not a retry of one that was never recorded");
        assertEquals(1, entriesOf(completer).size());
    }
}
