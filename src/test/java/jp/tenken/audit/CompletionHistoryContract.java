package jp.tenken.audit;

import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.audit.AuditStore.CompletionOutcome;
import jp.tenken.checklist.ItemSeverity;
import jp.tenken.storage.Migrations;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The completion history of corrective actions in the database: what V4 makes of the completions
 * stored before it, and completions sent at the same moment.
 */
abstract class CompletionHistoryContract {

    private static final LocalDate AUDITED_ON = LocalDate.of(2024, 11, 20);

    /** A migrated database, up to {@code targetVersion} only unless it is null. */
    protected abstract TestDatabase openDatabase(String targetVersion) throws Exception;

    private static AuditFinding finding(String id, LocalDate completedOn) {
        return new AuditFinding(id, "PHY-02", ItemSeverity.HIGH, "指摘",
                new CorrectiveAction("是正する", LocalDate.of(2025, 3, 31), completedOn));
    }

    private static AuditRecord record(List<AuditFinding> findings) {
        return new AuditRecord("hiratsuka", "市民課", 2024, AUDITED_ON, List.of(new Auditor("監査員A", "職員課")), findings);
    }

    private static CorrectiveAction action(StoredAudit audit, String findingId) {
        return audit.record().findings().stream().filter(f -> f.id().equals(findingId)).findFirst().orElseThrow().correctiveAction();
    }

    @Test
    void theCompletionsStoredBeforeTheHistoryBeginIt() throws Exception {
        try (TestDatabase database = openDatabase("3")) {
            OffsetDateTime storedAt = OffsetDateTime.of(2024, 11, 21, 9, 0, 0, 0, ZoneOffset.UTC);
            OffsetDateTime recordedAt = OffsetDateTime.of(2025, 2, 10, 3, 30, 0, 0, ZoneOffset.UTC);
            LocalDate completedLater = LocalDate.of(2025, 2, 8);
            LocalDate completedWithTheRecord = LocalDate.of(2025, 1, 10);
            // As version 3 stored them: F1 completed later through the endpoint, F2 with the record, F3 not at all.
            AuditRecord sent = record(List.of(finding("F1", null), finding("F2", completedWithTheRecord), finding("F3", null)));
            try (Connection c = database.dataSource().getConnection()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit (id, organization, department,"
                        + " fiscal_year, audited_on, stored_at, document) VALUES ('A1', 'hiratsuka', '市民課', 2024, ?, ?, ?)")) {
                    insert.setObject(1, AUDITED_ON);
                    insert.setObject(2, storedAt);
                    insert.setString(3, StorageJson.write(sent));
                    insert.executeUpdate();
                }
                Object[][] rows = {{"F1", completedLater, recordedAt}, {"F2", completedWithTheRecord, null}, {"F3", null, null}};
                for (int i = 0; i < rows.length; i++) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_finding (audit_id, position, finding_id,"
                            + " severity, action, due_date, completed_on, completion_recorded_at)"
                            + " VALUES ('A1', ?, ?, 'HIGH', '是正する', ?, ?, ?)")) {
                        insert.setInt(1, i);
                        insert.setString(2, (String) rows[i][0]);
                        insert.setObject(3, LocalDate.of(2025, 3, 31));
                        insert.setObject(4, rows[i][1]);
                        insert.setObject(5, rows[i][2]);
                        insert.executeUpdate();
                    }
                }
            }

            Migrations.migrate(database.dataSource());

            JdbcAuditStore store = new JdbcAuditStore(database.dataSource(), new ActivityLog(database.dataSource()));
            StoredAudit audit = store.find("A1").orElseThrow();
            assertNull(audit.recordedBy(), "an audit stored before accounts existed names nobody");
            assertEquals(List.of(new RecordedCompletion(completedLater, recordedAt, null, null)), action(audit, "F1").completions());
            assertEquals(completedLater, action(audit, "F1").completedOn());
            assertEquals(List.of(new RecordedCompletion(completedWithTheRecord, storedAt, null, null)),
                    action(audit, "F2").completions(), "recorded when the record was stored");
            assertEquals(List.of(), action(audit, "F3").completions());
            assertNull(action(audit, "F3").completedOn());
            assertEquals(CompletionOutcome.REASON_REQUIRED,
                    store.complete("A1", "F1", new Completion(completedLater.plusDays(1), null), "auditor"), "a migrated completion is the first");
        }
    }

    @Test
    void ofFirstCompletionsSentAtOnceOneIsRecordedAndTheOthersAreCorrections() throws Exception {
        try (TestDatabase database = openDatabase(null)) {
            JdbcAuditStore store = new JdbcAuditStore(database.dataSource(), new ActivityLog(database.dataSource()));
            String id = store.store(record(List.of(finding("F1", null))), "auditor").id();
            int senders = 4;
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CompletionOutcome>> sent = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    Completion completion = new Completion(AUDITED_ON.plusDays(i + 1), null);
                    sent.add(pool.submit(() -> {
                        start.await();
                        return store.complete(id, "F1", completion, "auditor-" + completion.completedOn());
                    }));
                }
                start.countDown();
                Map<CompletionOutcome, Integer> outcomes = new TreeMap<>();
                for (Future<CompletionOutcome> outcome : sent) {
                    outcomes.merge(outcome.get(30, TimeUnit.SECONDS), 1, Integer::sum);
                }
                assertEquals(Map.of(CompletionOutcome.RECORDED, 1, CompletionOutcome.REASON_REQUIRED, senders - 1), outcomes);
            } finally {
                pool.shutdownNow();
            }
            CorrectiveAction action = action(store.find(id).orElseThrow(), "F1");
            assertEquals(1, action.completions().size());
            assertEquals(action.completions().get(0).completedOn(), action.completedOn());
            assertTrue(action.completions().get(0).completedOn().isAfter(AUDITED_ON));
            assertEquals("auditor-" + action.completedOn(), action.completions().get(0).completedBy(),
                    "the completion names the sender whose completion was recorded");
            assertEquals(1, new ActivityLog(database.dataSource()).list(ActivityQuery.newest()
                    .withAction(ActivityAction.ACTION_COMPLETED)).size(), "only the recorded completion has an entry");
        }
    }
}
