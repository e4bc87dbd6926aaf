package jp.tenken.reminder;

import jp.tenken.storage.TestDatabases;
import jp.tenken.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link ConcurrentReminderMailContract} on H2 in files, both instances in this JVM. */
class ConcurrentReminderMailH2Test extends ConcurrentReminderMailContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
