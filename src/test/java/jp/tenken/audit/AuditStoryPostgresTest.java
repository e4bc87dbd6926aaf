package jp.tenken.audit;

import jp.tenken.storage.TestDatabases;

/** The audit story on the real PostgreSQL server. */
class AuditStoryPostgresTest extends AuditStoryContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
