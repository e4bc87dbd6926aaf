package jp.tenken.plan;

import jp.tenken.storage.TestDatabases;

/** The plan's audit counts against the audit records, on the real PostgreSQL server. */
class AuditCountCrossCheckPostgresTest extends AuditCountCrossCheckContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
