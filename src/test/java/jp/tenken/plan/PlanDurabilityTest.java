package jp.tenken.plan;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.storage.StorageJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is stored in the embedded H2 files survives a stop and a fresh start of the service. */
class PlanDurabilityTest {

    @TempDir
    Path dataDir;

    private EmbeddedServer start() {
        // An empty URL selects the embedded H2 files under tenken.data-dir, as in production.
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "tenken.data-dir", dataDir.toString(),
                "datasources.default.url", "",
                "micronaut.server.port", -1));
    }

    @Test
    void everyVersionReadsBackEqualAfterARestart() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        try (EmbeddedServer server = start()) {
            PlanStore store = server.getApplicationContext().getBean(PlanStore.class);
            for (String id : new String[] {"durable-a", "durable-b"}) {
                for (int i = 0; i < 3; i++) {
                    PlanDocument plan = PlanStoreContract.plan(id);
                    StoredPlan stored = store.store(plan, StorageJson.write(plan).getBytes(StandardCharsets.UTF_8),
                            DocumentFormat.JSON, TestEngine.planChecker().check(plan), "editor");
                    written.put(id + "/" + stored.version(), StorageJson.write(stored));
                }
            }
        }
        assertTrue(Files.exists(dataDir.resolve("tenken.mv.db")), "H2 keeps its files under tenken.data-dir");
        try (EmbeddedServer server = start()) {
            PlanStore store = server.getApplicationContext().getBean(PlanStore.class);
            for (Map.Entry<String, String> entry : written.entrySet()) {
                String[] key = entry.getKey().split("/");
                StoredPlan read = store.version(key[0], Integer.parseInt(key[1])).orElseThrow();
                assertEquals(entry.getValue(), StorageJson.write(read), entry.getKey());
            }
            assertEquals(3, store.latest("durable-a").orElseThrow().version());
        }
    }
}
