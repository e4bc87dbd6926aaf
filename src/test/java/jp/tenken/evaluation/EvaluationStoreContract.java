package jp.tenken.evaluation;

import jp.tenken.TestEngine;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.ActivityQuery;
import jp.tenken.activity.FailingActivityLog;
import jp.tenken.document.DocumentFormat;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every database behind {@link EvaluationStore} must do; run on H2 and on PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluationStoreContract {

    private TestDatabase database;
    private ActivityLog activity;
    private EvaluationStore store;

    protected abstract TestDatabase openDatabase() throws Exception;

    @BeforeAll
    void open() throws Exception {
        database = openDatabase();
        activity = new ActivityLog(database.dataSource());
        store = new JdbcEvaluationStore(database.dataSource(), activity);
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    static String body(String id, String organization) {
        return """
                {"id": "%s", "title": "評価シート", "organization": "%s", "fiscalYear": 2024, "planId": "plan-1",
                 "fields": [{"name": "子ども・子育て、教育", "results": ["登園管理システムを導入しました。", "献立を配信しました。"]}]}
                """.formatted(id, organization);
    }

    static EvaluationDocument evaluation(String body) {
        return TestEngine.reader().read(body.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, EvaluationDocument.class);
    }

    static EvaluationCheck check(String id, int planVersion) {
        Finding untraced = Finding.of("EVAL-RESULT-UNTRACED", Severity.WARNING, Target.result("子ども・子育て、教育", 1),
                Map.of("field", "子ども・子育て、教育", "position", "2"));
        return new EvaluationCheck(id, "plan-1", planVersion, "rules-v",
                List.of(untraced), List.of(new Trace("子ども・子育て、教育", 0, List.of(3, 7), 0.912),
                new Trace("子ども・子育て、教育", 1, List.of(), 0.04)));
    }

    private StoredEvaluation store(String id, String organization, String actor, int planVersion) {
        String body = body(id, organization);
        return store.store(evaluation(body), body.getBytes(StandardCharsets.UTF_8), DocumentFormat.JSON, check(id, planVersion), actor);
    }

    @Test
    void versionsAreNumberedAndReadBackWithFindingsTracesAndWhoStoredThem() {
        String id = "ev-" + UUID.randomUUID();
        StoredEvaluation first = store(id, "hiratsuka", "editor-a", 1);
        StoredEvaluation second = store(id, "hiratsuka", "editor-b", 2);
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        StoredEvaluation latest = store.latest(id).orElseThrow();
        assertEquals(2, latest.version());
        assertEquals("editor-b", latest.storedBy());
        assertEquals(2, latest.planVersion());
        assertEquals(2024, latest.fiscalYear());
        assertEquals(check(id, 2).traces(), latest.traces());
        assertEquals(check(id, 2).findings(), latest.findings());
        assertEquals("editor-a", store.version(id, 1).orElseThrow().storedBy());
        assertTrue(store.version(id, 3).isEmpty());
        assertEquals("hiratsuka", store.organizationOf(id).orElseThrow());
        EvaluationSummary listed = store.list().stream().filter(e -> e.evaluationId().equals(id)).findFirst().orElseThrow();
        assertEquals(2, listed.latestVersion());
        assertEquals("評価シート", listed.title());
        assertEquals(1, listed.summary().warnings());
    }

    @Test
    void anIdOfAnotherOrganizationsEvaluationIsRefusedAndStoresNothing() {
        String id = "ev-" + UUID.randomUUID();
        store(id, "hiratsuka", "editor", 1);
        assertThrows(EvaluationOfAnotherOrganizationException.class, () -> store(id, "other-town", "other", 1));
        assertEquals(1, store.latest(id).orElseThrow().version());
        assertEquals("hiratsuka", store.organizationOf(id).orElseThrow());
    }

    @Test
    void theActivityEntryIsWrittenWithTheVersionAndNeverWithoutIt() {
        String id = "ev-" + UUID.randomUUID();
        String actor = "actor-" + UUID.randomUUID();
        EvaluationStore failing = new JdbcEvaluationStore(database.dataSource(), new FailingActivityLog(database.dataSource()));
        String body = body(id, "hiratsuka");
        assertThrows(RuntimeException.class, () -> failing.store(evaluation(body), body.getBytes(StandardCharsets.UTF_8),
                DocumentFormat.JSON, check(id, 1), actor));
        assertTrue(store.latest(id).isEmpty(), "the version rolled back with its entry");
        store(id, "hiratsuka", actor, 1);
        List<ActivityEntry> entries = activity.list(new ActivityQuery(null, null, null, actor, ActivityAction.EVALUATION_STORED, 100, 0));
        assertEquals(1, entries.size());
        assertEquals(Map.of("evaluationId", id, "version", 1, "planId", "plan-1", "planVersion", 1), entries.get(0).target());
        assertEquals("hiratsuka", entries.get(0).organization());
    }
}
