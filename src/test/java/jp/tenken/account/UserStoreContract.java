package jp.tenken.account;

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

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        store = new JdbcUserStore(database.dataSource());
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
}
