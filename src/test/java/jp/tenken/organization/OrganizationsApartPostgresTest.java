package jp.tenken.organization;

import jp.tenken.storage.TestDatabases;

/** Two organizations apart on the real PostgreSQL server. */
class OrganizationsApartPostgresTest extends OrganizationsApartContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() throws Exception {
        return TestDatabases.postgres();
    }
}
