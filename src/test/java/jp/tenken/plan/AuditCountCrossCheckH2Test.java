package jp.tenken.plan;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The plan's audit counts against the audit records, on H2 in files. */
class AuditCountCrossCheckH2Test extends AuditCountCrossCheckContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
