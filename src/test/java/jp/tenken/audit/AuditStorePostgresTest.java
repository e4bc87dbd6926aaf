package jp.tenken.audit;

import jp.tenken.storage.TestDatabases;

/** The audit store's users and activity entries on the real PostgreSQL server, in a schema of its own. */
class AuditStorePostgresTest extends AuditStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
