package jp.tenken.compliance;

import jp.tenken.storage.TestDatabases;

/** The compliance story on the real PostgreSQL server. */
class ComplianceStoryPostgresTest extends ComplianceStoryContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
