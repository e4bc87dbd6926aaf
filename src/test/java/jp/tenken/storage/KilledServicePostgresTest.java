package jp.tenken.storage;

import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;

/** A killed service on the real PostgreSQL server, in a schema of its own that both starts share. */
class KilledServicePostgresTest extends KilledServiceContract {

    private TestDatabases.TestDatabase database;

    @Override
    protected Map<String, String> database(Path dir) {
        database = TestDatabases.postgres();
        return database.systemProperties();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (database != null) {
            database.close();
        }
    }
}
