package jp.tenken.compliance;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The compliance story on H2 in files. */
class ComplianceStoryH2Test extends ComplianceStoryContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
