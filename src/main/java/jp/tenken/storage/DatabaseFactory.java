package jp.tenken.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jp.tenken.source.StartFolders;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The database: H2 in files under {@code tenken.data-dir} (./data) unless {@code datasources.default.url}
 * (env {@code DATASOURCES_DEFAULT_URL}) names another, PostgreSQL in production. The schema is
 * migrated by Flyway as the pool opens, before the service answers. The command line never
 * creates it: commands evaluate files and store nothing.
 */
@Factory
@Requires(notEnv = Environment.CLI)
class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    @Context
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(StartFolders folders,
                                @Value("${tenken.data-dir:data}") String dataDir,
                                @Nullable @Value("${datasources.default.url:}") String url,
                                @Nullable @Value("${datasources.default.username:}") String username,
                                @Nullable @Value("${datasources.default.password:}") String password,
                                @Nullable @Value("${datasources.default.driver-class-name:}") String driver,
                                @Value("${datasources.default.maximum-pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        boolean embedded = url == null || url.isBlank();
        // On H2 files every commit must reach the file before it returns (H2Durability).
        config.setJdbcUrl(H2Durability.url(embedded ? embeddedUrl(dataDir) : url));
        config.setUsername(embedded ? "sa" : username);
        config.setPassword(embedded ? "" : password);
        if (driver != null && !driver.isBlank()) {
            config.setDriverClassName(driver);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("tenken");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw embedded ? DatabaseInUse.explain(e, dataDir) : e;
        }
        try {
            long started = System.nanoTime();
            var result = Migrations.migrate(dataSource);
            LOG.info("Database {} at schema version {} ({} migrations applied in {} ms)",
                    embedded ? "H2 in " + Path.of(dataDir).toAbsolutePath().normalize() : config.getJdbcUrl().replaceAll("password=[^&;]*", "password=***"),
                    // Flyway names no target version when there was nothing to apply.
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** H2 wants an explicit path; a relative data dir is taken from the working directory. */
    static String embeddedUrl(String dataDir) {
        return "jdbc:h2:file:" + Path.of(dataDir).toAbsolutePath().normalize().resolve("tenken");
    }
}
