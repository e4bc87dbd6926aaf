package jp.tenken.activity;

import jp.tenken.storage.TestDatabases.TestDatabase;
import jp.tenken.storage.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the activity log must do on every database; run on H2 and on PostgreSQL by the subclasses.
 * The tests share one database, so each works in an organization (or user) of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActivityLogContract {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private TestDatabase database;
    private ActivityLog log;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        log = new ActivityLog(database.dataSource());
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ActivityEntry entry(int minute, String user, ActivityAction action, String organization) {
        return new ActivityEntry(T0.plusSeconds(60L * minute), user, action, organization,
                Map.of("planId", "p" + minute), Outcome.OK);
    }

    private List<ActivityEntry> list(ActivityQuery query) {
        return log.list(query);
    }

    @Test
    void readsBackWhatWasAppended() {
        String org = unique("org");
        ActivityEntry stored = new ActivityEntry(Instant.parse("2026-12-02T09:15:30.123Z"), "tanaka",
                ActivityAction.PLAN_STORED, org, Map.of("planId", "x", "version", 3), Outcome.OK);
        log.append(stored);

        assertEquals(List.of(stored), list(ActivityQuery.newest().withOrganization(org)));
    }

    @Test
    void keepsAnAnonymousFailedLoginWithoutOrganization() {
        String marker = unique("attempt");
        ActivityEntry failed = new ActivityEntry(Instant.parse("2031-01-01T00:00:00Z"), null,
                ActivityAction.LOGIN_FAILED, null, Map.of("attempt", marker), Outcome.DENIED);
        log.append(failed);

        List<ActivityEntry> logins = list(ActivityQuery.newest().withAction(ActivityAction.LOGIN_FAILED)
                .withFrom(failed.at()).withTo(failed.at().plusMillis(1)));
        assertTrue(logins.contains(failed), logins.toString());
        ActivityEntry read = logins.get(logins.indexOf(failed));
        assertNull(read.user());
        assertNull(read.organization());
    }

    @Test
    void listsNewestFirstAndTiesByOrderOfWriting() {
        String org = unique("org");
        log.append(entry(1, "a", ActivityAction.PLAN_STORED, org));
        log.append(entry(3, "b", ActivityAction.PLAN_STORED, org));
        log.append(entry(2, "c", ActivityAction.PLAN_STORED, org));
        // two entries of the same instant: the one written later is newer
        log.append(entry(3, "d", ActivityAction.PLAN_STORED, org));

        List<String> users = list(ActivityQuery.newest().withOrganization(org)).stream().map(ActivityEntry::user).toList();
        assertEquals(List.of("d", "b", "c", "a"), users);
    }

    @Test
    void filtersByOrganizationUserActionAndTime() {
        String org = unique("org");
        String other = unique("org");
        String alice = unique("alice");
        String bob = unique("bob");
        ActivityEntry a1 = entry(1, alice, ActivityAction.PLAN_STORED, org);
        ActivityEntry b2 = entry(2, bob, ActivityAction.INSPECTION_SUBMITTED, org);
        ActivityEntry a3 = entry(3, alice, ActivityAction.INSPECTION_SUBMITTED, org);
        ActivityEntry a4 = entry(4, alice, ActivityAction.PLAN_STORED, other);
        for (ActivityEntry e : List.of(a1, b2, a3, a4)) {
            log.append(e);
        }

        assertEquals(List.of(a3, b2, a1), list(ActivityQuery.newest().withOrganization(org)));
        assertEquals(List.of(a4), list(ActivityQuery.newest().withOrganization(other)));
        assertEquals(List.of(a4, a3, a1), list(ActivityQuery.newest().withUser(alice)));
        assertEquals(List.of(b2), list(ActivityQuery.newest().withUser(bob)));
        assertEquals(List.of(a3, b2), list(ActivityQuery.newest().withOrganization(org)
                .withAction(ActivityAction.INSPECTION_SUBMITTED)));
        // from included, to excluded
        assertEquals(List.of(a3, b2), list(ActivityQuery.newest().withOrganization(org)
                .withFrom(b2.at()).withTo(a4.at())));
        assertEquals(List.of(b2, a1), list(ActivityQuery.newest().withOrganization(org).withTo(a3.at())));
        assertEquals(List.of(a4, a3), list(ActivityQuery.newest().withUser(alice).withFrom(a3.at())));
        assertEquals(List.of(a3), list(ActivityQuery.newest().withOrganization(org).withUser(alice)
                .withAction(ActivityAction.INSPECTION_SUBMITTED).withFrom(a1.at()).withTo(a4.at())));
        assertEquals(List.of(), list(ActivityQuery.newest().withOrganization(org).withFrom(a3.at()).withTo(a3.at())));
    }

    @Test
    void pagesWithAnOffsetInTheSameNewestFirstOrder() {
        String org = unique("org");
        List<ActivityEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(entry(i, unique("u"), ActivityAction.PLAN_STORED, org));
            log.append(entries.get(i));
        }
        ActivityQuery query = ActivityQuery.newest().withOrganization(org).withLimit(2);
        assertEquals(List.of(entries.get(4), entries.get(3)), list(query));
        assertEquals(List.of(entries.get(2), entries.get(1)), list(query.withOffset(2)));
        assertEquals(List.of(entries.get(0)), list(query.withOffset(4)));
        assertEquals(List.of(), list(query.withOffset(5)));
    }

    @Test
    void listsAHundredByDefaultAndAThousandAtMost() {
        String org = unique("org");
        Transactions.inTransaction(database.dataSource(), c -> {
            for (int i = 0; i < 1001; i++) {
                log.append(c, entry(i, "u" + i, ActivityAction.USER_UPDATED, org));
            }
            return null;
        });

        List<ActivityEntry> byDefault = list(ActivityQuery.newest().withOrganization(org));
        assertEquals(100, byDefault.size());
        assertEquals("u1000", byDefault.get(0).user());
        assertEquals("u901", byDefault.get(99).user());
        assertEquals(1000, list(ActivityQuery.newest().withOrganization(org).withLimit(1000)).size());
        assertEquals(1, list(ActivityQuery.newest().withOrganization(org).withLimit(1)).size());
        assertThrows(InvalidActivityQueryException.class, () -> ActivityQuery.newest().withLimit(1001));
    }

    @Test
    void anEntryOfARolledBackTransactionIsNotThere() {
        String org = unique("org");
        String planId = unique("plan");
        assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(database.dataSource(), c -> {
            insertPlanRow(c, planId, org);
            log.append(c, entry(1, "a", ActivityAction.PLAN_STORED, org));
            throw new IllegalStateException("the write fails after its entry");
        }));

        assertEquals(List.of(), list(ActivityQuery.newest().withOrganization(org)));
        assertFalse(planRowExists(planId));
    }

    @Test
    void anEntryWrittenWithAWriteAppearsWithIt() {
        String org = unique("org");
        String planId = unique("plan");
        ActivityEntry stored = new ActivityEntry(T0, "a", ActivityAction.PLAN_STORED, org,
                Map.of("planId", planId), Outcome.OK);
        Transactions.inTransaction(database.dataSource(), c -> {
            insertPlanRow(c, planId, org);
            log.append(c, stored);
            return null;
        });

        assertTrue(planRowExists(planId));
        assertEquals(List.of(stored), list(ActivityQuery.newest().withOrganization(org)));
    }

    /** A write of the service's own schema to pair an entry with: a plan's row, at version 0 (no plan yet). */
    private static void insertPlanRow(Connection c, String planId, String org) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO plan (id, organization, latest_version) VALUES (?, ?, 0)")) {
            insert.setString(1, planId);
            insert.setString(2, org);
            insert.executeUpdate();
        }
    }

    private boolean planRowExists(String planId) {
        return Transactions.read(database.dataSource(), c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM plan WHERE id = ?")) {
                select.setString(1, planId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
