package jp.tenken.audit;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The completion history on H2 in files. */
class CompletionHistoryH2Test extends CompletionHistoryContract {

    @TempDir
    Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase(String targetVersion) {
        return TestDatabases.h2(dir, targetVersion);
    }
}
