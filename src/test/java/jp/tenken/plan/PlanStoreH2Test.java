package jp.tenken.plan;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The plan store on H2 in files, the embedded default. */
class PlanStoreH2Test extends PlanStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
