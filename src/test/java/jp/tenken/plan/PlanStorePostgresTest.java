package jp.tenken.plan;

import jp.tenken.storage.TestDatabases;

/** The plan store on the real PostgreSQL server, in a schema of its own. */
class PlanStorePostgresTest extends PlanStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
