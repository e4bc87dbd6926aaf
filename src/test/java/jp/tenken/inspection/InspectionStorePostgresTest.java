package jp.tenken.inspection;

import jp.tenken.storage.TestDatabases;

/** The inspection store on the real PostgreSQL server, in a schema of its own. */
class InspectionStorePostgresTest extends InspectionStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
