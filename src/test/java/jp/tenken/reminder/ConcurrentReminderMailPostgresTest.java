package jp.tenken.reminder;

import jp.tenken.storage.TestDatabases;
import jp.tenken.storage.TestDatabases.TestDatabase;

/** {@link ConcurrentReminderMailContract} on the PostgreSQL server, as two instances of a deployment would be. */
class ConcurrentReminderMailPostgresTest extends ConcurrentReminderMailContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
