package jp.tenken.account;

import static org.junit.jupiter.api.Assertions.assertNull;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.Outcome;
import jp.tenken.storage.StorageException;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every database behind {@link UserStore} must do; run on H2 and on PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserStoreContract {

    private TestDatabase database;
    private UserStore store;
    private ActivityLog activity;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcUserStore(database.dataSource(), activity);
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Account officer(String username) {
        return new Account(username, "情報 太郎", "taro@example.jp", EnumSet.of(Role.SECURITY_OFFICER, Role.AUDITOR),
                "hiratsuka", Set.of("情報政策課", "総務課"), true);
    }

    @Test
    void aCreatedUserReadsBackEqual() {
        Account account = officer(unique("taro"));
        store.create(account, "$2a$04$hash");
        assertEquals(Optional.of(account), store.find(account.username()));
        assertEquals(Optional.of("$2a$04$hash"), store.passwordHash(account.username()));
    }

    @Test
    void anAdminOfAllOrganizationsHasNoOrganizationAndNoDepartments() {
        Account admin = new Account(unique("root"), "Root", null, EnumSet.of(Role.ADMIN), null, Set.of(), true);
        store.create(admin, "h");
        Account read = store.find(admin.username()).orElseThrow();
        assertEquals(admin, read);
        assertTrue(read.ofAllOrganizations());
    }

    @Test
    void aTakenNameIsReportedAndTheFirstUserKept() {
        Account first = officer(unique("dup"));
        store.create(first, "first-hash");
        Account second = new Account(first.username(), "Other", "o@example.jp", EnumSet.of(Role.ADMIN), null, Set.of(), true);
        assertThrows(UsernameTakenException.class, () -> store.create(second, "second-hash"));
        assertEquals(Optional.of(first), store.find(first.username()));
        assertEquals(Optional.of("first-hash"), store.passwordHash(first.username()));
    }

    @Test
    void ofConcurrentCreatesOfOneNameExactlyOneWins() throws Exception {
        String name = unique("race");
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String hash = "hash-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.create(officer(name), hash);
                        return true;
                    } catch (UsernameTakenException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of("情報政策課", "総務課"), store.find(name).orElseThrow().departments());
    }

    @Test
    void anUpdateReplacesRolesDepartmentsEnabledNameAndEmail() {
        Account account = officer(unique("upd"));
        store.create(account, "h");
        Account changed = new Account(account.username(), "変更 後", "new@example.jp", EnumSet.of(Role.PLAN_EDITOR),
                "hiratsuka", Set.of("財政課"), false);
        assertTrue(store.update(changed));
        assertEquals(Optional.of(changed), store.find(account.username()));
        assertEquals(Optional.of("h"), store.passwordHash(account.username()), "an update keeps the password");
    }

    @Test
    void anUpdateOfNoSuchUserChangesNothing() {
        String name = unique("ghost");
        assertFalse(store.update(officer(name)));
        assertFalse(store.setPasswordHash(name, "h"));
        assertEquals(Optional.empty(), store.find(name));
        assertEquals(Optional.empty(), store.passwordHash(name));
    }

    @Test
    void aNewPasswordHashReplacesTheOld() {
        Account account = officer(unique("pw"));
        store.create(account, "old");
        assertTrue(store.setPasswordHash(account.username(), "new"));
        assertEquals(Optional.of("new"), store.passwordHash(account.username()));
        assertEquals(Optional.of(account), store.find(account.username()));
    }

    @Test
    void theListIsByNameAndTheCountFollowsCreates() {
        long before = store.count();
        String prefix = unique("list");
        store.create(officer(prefix + "-b"), "h");
        store.create(officer(prefix + "-a"), "h");
        assertEquals(before + 2, store.count());
        List<String> names = store.list().stream().map(Account::username).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(store.count(), names.size());
        assertTrue(names.indexOf(prefix + "-a") < names.indexOf(prefix + "-b"));
    }

    @Test
    void theLoginRecordHoldsAccountHashChangeTimeAndRecentFailuresInOneRead() {
        Account account = officer(unique("login-record"));
        store.create(account, "$2a$04$hash-of-the-login-record");
        Instant since = Instant.now().minusSeconds(60);
        store.recordFailedLogin(account.username(), Instant.now());
        store.recordFailedLogin(account.username(), since.minusSeconds(60));
        UserStore.LoginRecord record = store.loginRecord(account.username(), since);
        assertEquals(Optional.of(account), record.account());
        assertEquals("$2a$04$hash-of-the-login-record", record.passwordHash());
        assertEquals(store.credentialsChangedAt(account.username()).orElseThrow(), record.credentialsChangedAt());
        assertEquals(1, record.recentFailures());

        String unknown = unique("nobody");
        store.recordFailedLogin(unknown, Instant.now());
        UserStore.LoginRecord none = store.loginRecord(unknown, since);
        assertTrue(none.account().isEmpty());
        assertNull(none.passwordHash());
        assertEquals(1, none.recentFailures());
    }

    @Test
    void failedLoginsAreCountedPerNameSinceATime() {
        String name = unique("locked");
        String other = unique("other");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.recordFailedLogin(name, now.minus(20, ChronoUnit.MINUTES));
        store.recordFailedLogin(name, now.minus(10, ChronoUnit.MINUTES));
        store.recordFailedLogin(name, now.minus(1, ChronoUnit.MINUTES));
        store.recordFailedLogin(name, now);
        store.recordFailedLogin(other, now);
        assertEquals(3, store.failedLoginsSince(name, now.minus(15, ChronoUnit.MINUTES)));
        assertEquals(4, store.failedLoginsSince(name, now.minus(1, ChronoUnit.HOURS)));
        assertEquals(1, store.failedLoginsSince(name, now), "a failure at the very instant counts");
        assertEquals(0, store.failedLoginsSince(unique("nobody"), now.minus(1, ChronoUnit.HOURS)));
        assertEquals(Optional.empty(), store.find(name), "a failed login of an unknown name creates no user");
    }

    private static ActivityEntry entry(ActivityAction action, String username, String organization) {
        return ActivityEntry.now("admin", action, organization, Map.of("username", username), Outcome.OK);
    }

    /** The entries of the log that name this user as their target, newest first. */
    private List<ActivityEntry> entriesAbout(String username) {
        return activity.list(ActivityQuery.newest().withLimit(ActivityQuery.MAX_LIMIT)).stream()
                .filter(e -> username.equals(e.target().get("username")))
                .toList();
    }

    private static void tick() throws InterruptedException {
        // Stamps are kept in milliseconds: the next one must be later.
        Thread.sleep(5);
    }

    @Test
    void aCreateStampsTheCredentialsAndAnUnknownNameHasNoStamp() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Account account = officer(unique("stamp"));
        store.create(account, "h");
        Instant stamped = store.credentialsChangedAt(account.username()).orElseThrow();
        assertFalse(stamped.isBefore(before), stamped + " is before " + before);
        assertFalse(stamped.isAfter(Instant.now()));
        assertEquals(Optional.empty(), store.credentialsChangedAt(unique("nobody")));
    }

    @Test
    void aPasswordChangeStampsTheCredentialsAnewAndAPlainUpdateDoesNot() throws Exception {
        Account account = officer(unique("restamp"));
        store.create(account, "h");
        Instant created = store.credentialsChangedAt(account.username()).orElseThrow();
        tick();
        Account renamed = new Account(account.username(), "改名", account.email(), account.roles(),
                account.organization(), account.departments(), true);
        assertTrue(store.update(renamed));
        assertEquals(Optional.of(created), store.credentialsChangedAt(account.username()),
                "a change of name, roles or departments leaves the credentials as they were");
        tick();
        assertTrue(store.setPasswordHash(account.username(), "h2"));
        Instant changed = store.credentialsChangedAt(account.username()).orElseThrow();
        assertTrue(changed.isAfter(created), changed + " after " + created);
        tick();
        assertTrue(store.update(renamed, "h3", List.of()));
        Instant changedAgain = store.credentialsChangedAt(account.username()).orElseThrow();
        assertTrue(changedAgain.isAfter(changed), "a password given with an update stamps too");
        assertEquals(Optional.of("h3"), store.passwordHash(account.username()));
    }

    @Test
    void disablingStampsTheCredentialsOnceAndEnablingAgainDoesNot() throws Exception {
        Account account = officer(unique("disable"));
        store.create(account, "h");
        Instant created = store.credentialsChangedAt(account.username()).orElseThrow();
        tick();
        Account disabled = new Account(account.username(), account.displayName(), account.email(), account.roles(),
                account.organization(), account.departments(), false);
        assertTrue(store.update(disabled));
        Instant disabledAt = store.credentialsChangedAt(account.username()).orElseThrow();
        assertTrue(disabledAt.isAfter(created));
        assertFalse(store.find(account.username()).orElseThrow().enabled());
        tick();
        assertTrue(store.update(disabled));
        assertEquals(Optional.of(disabledAt), store.credentialsChangedAt(account.username()),
                "a user already disabled is not disabled again");
        tick();
        assertTrue(store.update(account));
        assertEquals(Optional.of(disabledAt), store.credentialsChangedAt(account.username()),
                "enabling gives back no old cookie: those were issued before the stamp");
        assertTrue(store.find(account.username()).orElseThrow().enabled());
    }

    @Test
    void eachWriteAppendsItsEntriesWithIt() {
        Account account = officer(unique("logged"));
        String name = account.username();
        store.create(account, "h", List.of(entry(ActivityAction.USER_CREATED, name, "hiratsuka")));
        assertTrue(store.update(account, "h2", List.of(entry(ActivityAction.USER_UPDATED, name, "hiratsuka"),
                entry(ActivityAction.PASSWORD_CHANGED, name, "hiratsuka"))));
        assertTrue(store.setPasswordHash(name, "h3", List.of(entry(ActivityAction.PASSWORD_CHANGED, name, "hiratsuka"))));
        assertEquals(List.of(ActivityAction.PASSWORD_CHANGED, ActivityAction.PASSWORD_CHANGED,
                        ActivityAction.USER_UPDATED, ActivityAction.USER_CREATED),
                entriesAbout(name).stream().map(ActivityEntry::action).toList());
        assertTrue(entriesAbout(name).stream().allMatch(e -> "admin".equals(e.user()) && "hiratsuka".equals(e.organization())));
    }

    @Test
    void aFailedWriteLeavesNoActivityEntry() {
        Account first = officer(unique("taken"));
        store.create(first, "h");
        assertThrows(UsernameTakenException.class, () -> store.create(first, "h2",
                List.of(entry(ActivityAction.USER_CREATED, first.username(), "hiratsuka"))));
        String ghost = unique("ghost");
        assertFalse(store.update(officer(ghost), "h", List.of(entry(ActivityAction.USER_UPDATED, ghost, "hiratsuka"))));
        assertFalse(store.setPasswordHash(ghost, "h", List.of(entry(ActivityAction.PASSWORD_CHANGED, ghost, "hiratsuka"))));
        assertEquals(List.of(), entriesAbout(first.username()));
        assertEquals(List.of(), entriesAbout(ghost));
        assertEquals(Optional.of("h"), store.passwordHash(first.username()));
    }

    @Test
    void anEntryThatCannotBeWrittenUndoesItsWrite() {
        // A user name of 201 characters does not fit the log's column: the entry fails, so must the write.
        ActivityEntry unwritable = ActivityEntry.now("x".repeat(201), ActivityAction.USER_CREATED, "hiratsuka",
                Map.of("username", "unwritable"), Outcome.OK);
        Account account = officer(unique("undone"));
        assertThrows(StorageException.class, () -> store.create(account, "h", List.of(unwritable)));
        assertEquals(Optional.empty(), store.find(account.username()), "the user was not created");

        Account existing = officer(unique("kept"));
        store.create(existing, "h");
        Instant stamp = store.credentialsChangedAt(existing.username()).orElseThrow();
        Account changed = new Account(existing.username(), "別名", null, EnumSet.of(Role.ADMIN), null, Set.of(), false);
        assertThrows(StorageException.class, () -> store.update(changed, "h2", List.of(unwritable)));
        assertThrows(StorageException.class, () -> store.setPasswordHash(existing.username(), "h3", List.of(unwritable)));
        assertEquals(Optional.of(existing), store.find(existing.username()), "roles, departments and flags as before");
        assertEquals(Optional.of("h"), store.passwordHash(existing.username()));
        assertEquals(Optional.of(stamp), store.credentialsChangedAt(existing.username()));
    }
}
