package jp.tenken.inspection;

import jp.tenken.storage.TestDatabases;

/** The draft store on the real PostgreSQL server, in a schema of its own. */
class InspectionDraftStorePostgresTest extends InspectionDraftStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
