package jp.tenken.storage;

import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.Map;

/** A service stopped with SIGTERM on the real PostgreSQL server, in a schema both starts share. */
class StoppedServicePostgresTest extends StoppedServiceContract {

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
