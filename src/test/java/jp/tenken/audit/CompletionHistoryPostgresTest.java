package jp.tenken.audit;

import jp.tenken.storage.TestDatabases;

/** The completion history on the real PostgreSQL server. */
class CompletionHistoryPostgresTest extends CompletionHistoryContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase(String targetVersion) {
        return TestDatabases.postgres(targetVersion);
    }
}
