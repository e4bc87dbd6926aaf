package jp.tenken.evaluation;

import jp.tenken.storage.TestDatabases;

/** The evaluation store on the real PostgreSQL server, in a schema of its own. */
class EvaluationStorePostgresTest extends EvaluationStoreContract {

    @Override
    protected TestDatabases.TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
