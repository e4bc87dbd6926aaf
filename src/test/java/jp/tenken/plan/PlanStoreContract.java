package jp.tenken.plan;

import jp.tenken.Fixtures;
import jp.tenken.TestEngine;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.FailingActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.document.DocumentFormat;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every database behind {@link PlanStore} must do; run on H2 and on PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanStoreContract {

    /** Who stores the plans of the tests that do not ask who stored them. */
    private static final String EDITOR = "editor";

    private TestDatabase database;
    private ActivityLog activity;
    private PlanStore store;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcPlanStore(database.dataSource(), activity);
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    static PlanDocument plan(String id) {
        return plan(id, "hiratsuka");
    }

    /** The small plan under {@code id} as {@code organization}'s; the store does not look the organization up. */
    static PlanDocument plan(String id, String organization) {
        String json = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"" + id + "\"")
                .replace("\"organization\": \"hiratsuka\"", "\"organization\": \"" + organization + "\"");
        return TestEngine.reader().read(json.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, PlanDocument.class);
    }

    private StoredPlan store(PlanDocument plan) {
        return store(plan, EDITOR);
    }

    private StoredPlan store(PlanDocument plan, String actor) {
        return store(store, plan, actor);
    }

    private static StoredPlan store(PlanStore store, PlanDocument plan, String actor) {
        return store.store(plan, StorageJson.write(plan).getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON,
                TestEngine.planChecker().check(plan), actor);
    }

    /**
     * The small plan stored as {@code organization}'s, with the findings of the same plan as the
     * registered city's (the checker refuses an organization it does not know; the store does not ask).
     */
    private StoredPlan storeAs(String id, String organization) {
        return storeAs(id, organization, EDITOR);
    }

    private StoredPlan storeAs(String id, String organization, String actor) {
        PlanDocument plan = plan(id, organization);
        return store.store(plan, StorageJson.write(plan).getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON,
                TestEngine.planChecker().check(plan(id)), actor);
    }

    /** The activity entries of one user, newest first. */
    private List<ActivityEntry> entriesOf(String actor) {
        return activity.list(ActivityQuery.newest().withUser(actor).withLimit(ActivityQuery.MAX_LIMIT));
    }

    /** The entry a stored version must have: by its user, in its organization, at the moment it was stored. */
    private static ActivityEntry planStored(StoredPlan stored, String organization) {
        return new ActivityEntry(stored.storedAt().toInstant(), stored.storedBy(), ActivityAction.PLAN_STORED, organization,
                Map.of("planId", stored.planId(), "version", stored.version()), Outcome.OK);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void numbersVersionsOneTwoThreePerPlanId() {
        String a = unique("a");
        String b = unique("b");
        assertEquals(1, store(plan(a)).version());
        assertEquals(2, store(plan(a)).version());
        assertEquals(1, store(plan(b)).version());
        assertEquals(3, store(plan(a)).version());
        assertEquals(3, store.latest(a).orElseThrow().version());
        assertEquals(1, store.latest(b).orElseThrow().version());
    }

    @Test
    void readsEveryVersionBackWithItsDocumentAndFindings() throws Exception {
        PlanDocument dx = TestEngine.reader().read(Files.readAllBytes(Fixtures.DX_PLAN), DocumentFormat.YAML, PlanDocument.class);
        PlanDocument renamed = new PlanDocument(unique("dx"), dx.title(), dx.organization(), dx.revisedOn(), dx.period(),
                dx.parent(), dx.source(), dx.policies(), dx.goals(), dx.initiatives());
        StoredPlan stored = store(renamed);
        StoredPlan read = store.version(renamed.id(), 1).orElseThrow();
        assertEquals(stored, read);
        assertEquals(StorageJson.write(renamed), read.documentJson());
        assertEquals(TestEngine.planChecker().check(renamed).findings(), read.findings());
    }

    @Test
    void unknownPlansAndVersionsAreAbsent() {
        String id = unique("c");
        store(plan(id));
        assertTrue(store.latest(unique("none")).isEmpty());
        assertTrue(store.version(id, 2).isEmpty());
        assertTrue(store.version(id, 0).isEmpty());
    }

    @Test
    void listsEveryVersionOfAPlanOldestFirstWithItsCountsWithoutReadingItsDocument() {
        String id = unique("v");
        StoredPlan first = store(plan(id), EDITOR);
        StoredPlan second = store(plan(id), "another-editor");
        List<PlanVersionSummary> versions = store.versions(id);
        assertEquals(List.of(
                new PlanVersionSummary(1, first.storedAt(), EDITOR, "t", first.rulesVersion(), jp.tenken.api.Summary.of(first.findings())),
                new PlanVersionSummary(2, second.storedAt(), "another-editor", "t", second.rulesVersion(),
                        jp.tenken.api.Summary.of(second.findings()))), versions);
        assertTrue(store.versions(unique("none")).isEmpty());
    }

    @Test
    void listsPlansWithTheirLatestVersion() {
        String id = unique("d");
        store(plan(id));
        store(plan(id));
        PlanSummary summary = store.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertEquals(2, summary.latestVersion());
        assertEquals("t", summary.title());
        assertEquals("hiratsuka", summary.organization());
    }

    @Test
    void fiftyConcurrentUploadsOfOnePlanGetVersionsOneToFiftyExactlyOnce() throws Exception {
        String id = unique("concurrent");
        String actor = unique("editor");
        PlanDocument plan = plan(id);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return store(plan, actor).version();
                }));
            }
            start.countDown();
            Set<Integer> versions = new TreeSet<>();
            for (Future<Integer> future : futures) {
                assertTrue(versions.add(future.get()), "a version was given twice");
            }
            Set<Integer> expected = new TreeSet<>();
            for (int v = 1; v <= 50; v++) {
                expected.add(v);
            }
            assertEquals(expected, versions);
            assertEquals(50, store.latest(id).orElseThrow().version());
            for (int v = 1; v <= 50; v++) {
                assertEquals(v, store.version(id, v).orElseThrow().version());
            }
            List<ActivityEntry> entries = entriesOf(actor);
            assertEquals(expected, new TreeSet<>(entries.stream().map(e -> (Integer) e.target().get("version")).toList()));
            assertEquals(50, entries.size(), "one entry per stored version");
            assertTrue(entries.stream().allMatch(e -> e.action() == ActivityAction.PLAN_STORED
                    && e.target().get("planId").equals(id) && e.organization().equals("hiratsuka")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdOfAnotherOrganizationsPlanIsRefusedAndStoresNothing() {
        String id = unique("owned");
        String owner = unique("editor");
        String intruder = unique("intruder");
        StoredPlan first = storeAs(id, "hiratsuka", owner);
        assertThrows(PlanOfAnotherOrganizationException.class, () -> storeAs(id, "oiso", intruder));
        assertEquals(List.of(), entriesOf(intruder), "a refused upload leaves no entry");
        assertEquals(List.of(planStored(first, "hiratsuka")), entriesOf(owner));
        assertEquals(owner, store.latest(id).orElseThrow().storedBy());
        StoredPlan latest = store.latest(id).orElseThrow();
        assertEquals(1, latest.version());
        assertTrue(latest.documentJson().contains("\"organization\":\"hiratsuka\""), latest.documentJson());
        assertEquals("hiratsuka", summary(id).organization(), "the refused upload did not rewrite the plan's organization");
        assertEquals(2, storeAs(id, "hiratsuka").version(), "the refused upload used up no version number");
    }

    @Test
    void concurrentFirstUploadsOfOneIdFromTwoOrganizationsMakeOnePlanOfOne() throws Exception {
        String id = unique("race");
        String actor = unique("editor");
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            organizations.add(i % 2 == 0 ? "hiratsuka" : "oiso");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StoredPlan>> futures = new ArrayList<>();
            for (String organization : organizations) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return storeAs(id, organization, actor);
                }));
            }
            start.countDown();
            Set<String> stored = new TreeSet<>();
            Set<String> refused = new TreeSet<>();
            int versions = 0;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                    stored.add(organizations.get(i));
                    versions++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof PlanOfAnotherOrganizationException, e.getCause().toString());
                    refused.add(organizations.get(i));
                }
            }
            assertEquals(1, stored.size(), "uploads of one organization were stored: " + stored);
            assertEquals(Set.of("hiratsuka", "oiso"), union(stored, refused));
            assertEquals(10, versions, "every upload of the winning organization was stored, none of the other");
            String owner = stored.iterator().next();
            assertEquals(owner, summary(id).organization());
            for (int v = 1; v <= versions; v++) {
                assertTrue(store.version(id, v).orElseThrow().documentJson().contains("\"organization\":\"" + owner + "\""));
            }
            assertTrue(store.version(id, versions + 1).isEmpty());
            List<ActivityEntry> entries = entriesOf(actor);
            assertEquals(versions, entries.size(), "an entry for every stored upload, none for a refused one");
            assertTrue(entries.stream().allMatch(e -> e.organization().equals(owner)), entries.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFirstUploadThatCannotBeWrittenDoesNotClaimTheIdForItsOrganization() {
        String id = unique("unclaimed");
        PlanCheck tooLong = new PlanCheck(id, "x".repeat(100), TestEngine.planChecker().check(plan(id)).findings());
        assertThrows(RuntimeException.class,
                () -> store.store(plan(id, "oiso"), new byte[] {'{', '}'}, DocumentFormat.JSON, tooLong, EDITOR));
        assertEquals(1, storeAs(id, "hiratsuka").version());
        assertEquals("hiratsuka", summary(id).organization());
    }

    private PlanSummary summary(String id) {
        return store.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aVersionThatCannotBeWrittenLeavesNothingBehind() {
        String id = unique("atomic");
        PlanDocument plan = plan(id);
        // A rules version longer than its column makes the insert fail inside the transaction.
        PlanCheck tooLong = new PlanCheck(id, "x".repeat(100), TestEngine.planChecker().check(plan).findings());
        String actor = unique("editor");
        assertThrows(RuntimeException.class, () -> store.store(plan, new byte[] {'{', '}'}, DocumentFormat.JSON, tooLong, actor));
        assertTrue(store.latest(id).isEmpty());
        assertEquals(List.of(), entriesOf(actor), "a failed write leaves no entry");
        assertTrue(store.list().stream().noneMatch(s -> s.id().equals(id)));
        assertEquals(1, store(plan).version(), "the failed attempt used up no version number");
    }

    @Test
    void everyVersionNamesTheUserWhoStoredIt() {
        String id = unique("by");
        String first = unique("editor");
        String second = unique("editor");
        StoredPlan one = store(plan(id), first);
        StoredPlan two = store(plan(id), second);
        assertEquals(first, one.storedBy());
        assertEquals(second, two.storedBy());
        assertEquals(one, store.version(id, 1).orElseThrow());
        assertEquals(two, store.latest(id).orElseThrow());
        assertEquals(second, summary(id).storedBy(), "the list shows who stored the latest version");
    }

    @Test
    void everyStoredVersionHasOneEntryWrittenWithIt() {
        String a = unique("logged");
        String b = unique("logged");
        String actor = unique("editor");
        StoredPlan a1 = store(plan(a), actor);
        StoredPlan b1 = store(plan(b), actor);
        StoredPlan a2 = store(plan(a), actor);
        assertEquals(List.of(planStored(a2, "hiratsuka"), planStored(b1, "hiratsuka"), planStored(a1, "hiratsuka")),
                entriesOf(actor));
        StoredPlan oiso = storeAs(unique("logged"), "oiso", actor);
        assertEquals(planStored(oiso, "oiso"), entriesOf(actor).get(0), "the entry is in the plan's organization");
    }

    @Test
    void aVersionWhoseEntryCannotBeWrittenIsNotStored() {
        String id = unique("unlogged");
        String actor = unique("editor");
        PlanStore failing = new JdbcPlanStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        assertThrows(RuntimeException.class, () -> store(failing, plan(id), actor));
        assertTrue(store.latest(id).isEmpty(), "the first version rolled back with its entry");
        StoredPlan first = store(plan(id), actor);
        assertEquals(1, first.version());
        assertThrows(RuntimeException.class, () -> store(failing, plan(id), actor));
        assertEquals(1, store.latest(id).orElseThrow().version(), "the second version rolled back with its entry");
        assertTrue(store.version(id, 2).isEmpty());
        assertEquals(List.of(planStored(first, "hiratsuka")), entriesOf(actor), "no entry without its version");
        assertEquals(2, store(plan(id), actor).version(), "the failed attempts used up no version number");
    }
}
