package jp.tenken.waiver;

import jp.tenken.storage.TestDatabases;

/** The waiver store on the real PostgreSQL server, in a schema of its own. */
class WaiverStorePostgresTest extends WaiverStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
