package jp.tenken.account;

import jp.tenken.storage.TestDatabases;

/** The user store on the real PostgreSQL server, in a schema of its own. */
class UserStorePostgresTest extends UserStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
