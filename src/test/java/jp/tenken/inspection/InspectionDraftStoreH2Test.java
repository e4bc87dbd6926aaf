package jp.tenken.inspection;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The draft store on H2 in files, the embedded default. */
class InspectionDraftStoreH2Test extends InspectionDraftStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
