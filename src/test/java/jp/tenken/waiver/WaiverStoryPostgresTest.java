package jp.tenken.waiver;

import jp.tenken.storage.TestDatabases;

/** The waiver story on the real PostgreSQL server. */
class WaiverStoryPostgresTest extends WaiverStoryContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
