package jp.tenken.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** The schema, as Flyway migrations under {@code db/migration}: the same for H2 and PostgreSQL. */
public final class Migrations {
    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
