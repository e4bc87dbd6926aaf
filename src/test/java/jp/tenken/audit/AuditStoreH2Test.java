package jp.tenken.audit;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The audit store's users and activity entries on H2 in files, the embedded default. */
class AuditStoreH2Test extends AuditStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
