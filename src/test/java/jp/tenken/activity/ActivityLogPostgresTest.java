package jp.tenken.activity;

import jp.tenken.storage.TestDatabases;

/** The activity log on the real PostgreSQL server, in a schema of its own. */
class ActivityLogPostgresTest extends ActivityLogContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
