package jp.tenken.account;

import jp.tenken.storage.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The user store on H2 in files, the embedded default. */
class UserStoreH2Test extends UserStoreContract {

    @TempDir
    static Path dir;

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.h2(dir);
    }
}
