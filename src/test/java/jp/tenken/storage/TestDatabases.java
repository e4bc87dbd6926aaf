package jp.tenken.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The two databases storage tests run on: H2 in files (the embedded default) and the real
 * PostgreSQL server of this machine (TENKEN_TEST_POSTGRES_URL, default 127.0.0.1:5432/test), in a
 * schema of its own per test run so runs do not collide. A PostgreSQL that does not answer fails
 * the tests; it does not skip them.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A migrated database and how to get rid of it. */
    public record TestDatabase(String name, HikariDataSource dataSource, Map<String, Object> micronautProperties,
                               AutoCloseable dropper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dataSource.close();
            dropper.close();
        }

        /** The same configuration as system properties, for a service started in a JVM of its own. */
        public Map<String, String> systemProperties() {
            Map<String, String> properties = new java.util.HashMap<>();
            micronautProperties.forEach((key, value) -> properties.put(key, String.valueOf(value)));
            return properties;
        }
    }

    public static String postgresUrl() {
        return env("TENKEN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return env("TENKEN_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return env("TENKEN_TEST_POSTGRES_PASSWORD", "");
    }

    public static TestDatabase h2(Path dir) {
        return h2(dir, null);
    }

    /** H2 in files with the schema up to {@code targetVersion} only (null: all), to test a later migration. */
    public static TestDatabase h2(Path dir, String targetVersion) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tenken");
        HikariDataSource dataSource = pool(url, "sa", "", null);
        migrate(dataSource, targetVersion);
        return new TestDatabase("H2", dataSource,
                Map.of("datasources.default.url", url, "datasources.default.username", "sa"), () -> { });
    }

    /** A fresh schema on the real server; closing drops it. */
    public static TestDatabase postgres() {
        return postgres(null);
    }

    /** A fresh schema up to {@code targetVersion} only (null: all), to test a later migration; closing drops it. */
    public static TestDatabase postgres(String targetVersion) {
        String schema = "tenken_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        String url = postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        HikariDataSource dataSource = pool(url, postgresUser(), postgresPassword(), schema);
        migrate(dataSource, targetVersion);
        return new TestDatabase("PostgreSQL", dataSource, Map.of(
                "datasources.default.url", url,
                "datasources.default.username", postgresUser(),
                "datasources.default.password", postgresPassword()),
                () -> execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private static void migrate(HikariDataSource dataSource, String targetVersion) {
        if (targetVersion == null) {
            Migrations.migrate(dataSource);
        } else {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(targetVersion).load().migrate();
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        if (schema != null) {
            config.setSchema(schema);
        }
        return new HikariDataSource(config);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresUrl() + " is needed by the storage tests: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
