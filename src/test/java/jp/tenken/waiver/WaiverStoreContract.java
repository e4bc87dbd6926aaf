package jp.tenken.waiver;

import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.FailingActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.storage.TestDatabases.TestDatabase;
import jp.tenken.waiver.WaiverStore.RevocationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The waiver store: what is kept, read back as written, revoked once, and the activity entry each
 * accepted write leaves in its own transaction; run on H2 and on PostgreSQL by the subclasses. The
 * tests share one database, so each works in an organization and with users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WaiverStoreContract {

    private TestDatabase database;
    private ActivityLog activity;
    private WaiverStore store;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcWaiverStore(database.dataSource(), activity);
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Waiver.New waiver(String organization) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("department", "市民課");
        target.put("itemId", "PHY-02");
        return new Waiver.New(organization, "SI-REMEDIATION-MISSING", target, "来年度に更新予定のため", LocalDate.of(2026, 3, 31));
    }

    private List<ActivityEntry> entriesOf(String user) {
        return activity.list(ActivityQuery.newest().withUser(user));
    }

    @Test
    void aWaiverIsReadBackAsStoredWithWhoCreatedIt() {
        String organization = unique("city");
        String auditor = unique("auditor");
        Waiver stored = store.create(waiver(organization), auditor);
        assertNotNull(stored.id());
        assertEquals(auditor, stored.createdBy());
        assertNull(stored.revokedAt());
        Waiver read = store.find(stored.id()).orElseThrow();
        assertEquals(stored.target(), read.target());
        assertEquals(List.of("department", "itemId"), List.copyOf(read.target().keySet()), "the target's keys keep their order");
        assertEquals(stored.createdAt().toInstant(), read.createdAt().toInstant());
        assertEquals(stored.reason(), read.reason());
        assertEquals(stored.expiresOn(), read.expiresOn());
        assertEquals(List.of(stored.id()), store.list(organization).stream().map(Waiver::id).toList());
        assertEquals(List.of(), store.list(unique("other")), "another organization's list is its own");
    }

    @Test
    void aNumberInTheTargetIsReadBackAsANumber() {
        String organization = unique("city");
        Waiver stored = store.create(new Waiver.New(organization, "PLAN-SCHEDULE-GAP",
                Map.of("initiativeNo", 3, "fiscalYear", 2025), "理由", LocalDate.of(2026, 3, 31)), unique("auditor"));
        assertEquals(Map.of("initiativeNo", 3, "fiscalYear", 2025), store.find(stored.id()).orElseThrow().target());
    }

    @Test
    void aWaiverIsRevokedOnceWithOneEntryEach() {
        String organization = unique("city");
        String auditor = unique("auditor");
        Waiver stored = store.create(waiver(organization), auditor);
        List<ActivityEntry> created = entriesOf(auditor);
        assertEquals(1, created.size());
        assertEquals(ActivityAction.WAIVER_CREATED, created.get(0).action());
        assertEquals(organization, created.get(0).organization());
        assertEquals(Outcome.OK, created.get(0).outcome());
        assertEquals(stored.id(), created.get(0).target().get("waiverId"));
        assertEquals("SI-REMEDIATION-MISSING", created.get(0).target().get("ruleId"));

        String revoker = unique("admin");
        assertEquals(RevocationOutcome.REVOKED, store.revoke(stored.id(), revoker));
        Waiver revoked = store.find(stored.id()).orElseThrow();
        assertEquals(revoker, revoked.revokedBy());
        assertNotNull(revoked.revokedAt());
        assertEquals(List.of(ActivityAction.WAIVER_REVOKED), entriesOf(revoker).stream().map(ActivityEntry::action).toList());

        assertEquals(RevocationOutcome.ALREADY_REVOKED, store.revoke(stored.id(), unique("admin")));
        assertEquals(revoker, store.find(stored.id()).orElseThrow().revokedBy(), "the first revocation stays");
        assertEquals(1, activity.list(ActivityQuery.newest().withOrganization(organization)
                .withAction(ActivityAction.WAIVER_REVOKED)).size());
        assertEquals(RevocationOutcome.NOT_FOUND, store.revoke(UUID.randomUUID().toString(), revoker));
    }

    @Test
    void aWaiverWhoseEntryCannotBeWrittenIsNotStored() {
        String organization = unique("city");
        String auditor = unique("auditor");
        WaiverStore failing = new JdbcWaiverStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        assertThrows(RuntimeException.class, () -> failing.create(waiver(organization), auditor));
        assertEquals(List.of(), store.list(organization), "the waiver rolled back with its entry");
        assertEquals(List.of(), entriesOf(auditor));
    }

    @Test
    void aRevocationWhoseEntryCannotBeWrittenIsNotRecorded() {
        String organization = unique("city");
        Waiver stored = store.create(waiver(organization), unique("auditor"));
        WaiverStore failing = new JdbcWaiverStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        String revoker = unique("admin");
        assertThrows(RuntimeException.class, () -> failing.revoke(stored.id(), revoker));
        assertNull(store.find(stored.id()).orElseThrow().revokedAt(), "the revocation rolled back with its entry");
        assertEquals(List.of(), entriesOf(revoker));
        assertEquals(RevocationOutcome.REVOKED, store.revoke(stored.id(), revoker));
    }

    @Test
    void aWaiverHoldsUpToAndIncludingItsExpiryUntilRevoked() {
        Waiver w = new Waiver("x", "o", "R", Map.of(), "r", LocalDate.of(2026, 3, 31), "u", null, null, null);
        assertEquals(true, w.holdsOn(LocalDate.of(2026, 3, 31)));
        assertEquals(false, w.holdsOn(LocalDate.of(2026, 4, 1)));
        Waiver revoked = new Waiver("x", "o", "R", Map.of(), "r", LocalDate.of(2026, 3, 31), "u", null, "a",
                java.time.OffsetDateTime.now());
        assertEquals(false, revoked.holdsOn(LocalDate.of(2026, 1, 1)));
    }
}
