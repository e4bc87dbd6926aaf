package jp.tenken.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users in plain JDBC with statements H2 and PostgreSQL both run. A user's row, roles and
 * departments are written in one transaction, together with the activity entries of the write
 * ({@link ActivityLog#append(Connection, ActivityEntry)} on the same connection); an update
 * replaces roles and departments whole.
 */
@Singleton
public class JdbcUserStore implements UserStore {

    /** The SQL state of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final ActivityLog activity;

    @Inject
    public JdbcUserStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    /** A store whose entries go to the activity log of the same database. */
    public JdbcUserStore(DataSource dataSource) {
        this(dataSource, new ActivityLog(dataSource));
    }

    @Override
    public Account create(Account account, String passwordHash, List<ActivityEntry> entries) {
        OffsetDateTime now = now();
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO users (username, display_name, email, password_hash, organization, enabled,"
                            + " created_at, updated_at, credentials_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, account.username());
                insert.setString(2, account.displayName());
                insert.setString(3, account.email());
                insert.setString(4, passwordHash);
                insert.setString(5, account.organization());
                insert.setBoolean(6, account.enabled());
                insert.setObject(7, now);
                insert.setObject(8, now);
                insert.setObject(9, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                // Checked by the key, not by a look beforehand, so two concurrent creates cannot both win.
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new UsernameTakenException(account.username());
                }
                throw e;
            }
            writeRolesAndDepartments(c, account);
            append(c, entries);
            return account;
        });
    }

    @Override
    public Optional<Account> find(String username) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT username, display_name, email, organization, enabled FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(account(c, rs)) : Optional.<Account>empty();
                }
            }
        });
    }

    @Override
    public List<Account> list() {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT username, display_name, email, organization, enabled FROM users ORDER BY username")) {
                List<Account> accounts = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(account(c, rs));
                    }
                }
                return accounts;
            }
        });
    }

    @Override
    public boolean update(Account account, String passwordHash, List<ActivityEntry> entries) {
        OffsetDateTime now = now();
        // Every right-hand side reads the row as it was before this statement (on both databases),
        // so "enabled" below is the old flag: disabling an enabled user stamps the time.
        StringBuilder sql = new StringBuilder(
                "UPDATE users SET display_name = ?, email = ?, organization = ?, enabled = ?, updated_at = ?");
        if (passwordHash != null) {
            sql.append(", password_hash = ?, credentials_changed_at = ?");
        } else if (!account.enabled()) {
            sql.append(", credentials_changed_at = CASE WHEN enabled THEN ? ELSE credentials_changed_at END");
        }
        sql.append(" WHERE username = ?");
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement(sql.toString())) {
                int i = 1;
                update.setString(i++, account.displayName());
                update.setString(i++, account.email());
                update.setString(i++, account.organization());
                update.setBoolean(i++, account.enabled());
                update.setObject(i++, now);
                if (passwordHash != null) {
                    update.setString(i++, passwordHash);
                    update.setObject(i++, now);
                } else if (!account.enabled()) {
                    update.setObject(i++, now);
                }
                update.setString(i, account.username());
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            delete(c, "DELETE FROM user_role WHERE username = ?", account.username());
            delete(c, "DELETE FROM user_department WHERE username = ?", account.username());
            writeRolesAndDepartments(c, account);
            append(c, entries);
            return true;
        });
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash, List<ActivityEntry> entries) {
        OffsetDateTime now = now();
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, updated_at = ?, credentials_changed_at = ? WHERE username = ?")) {
                update.setString(1, passwordHash);
                update.setObject(2, now);
                update.setObject(3, now);
                update.setString(4, username);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            append(c, entries);
            return true;
        });
    }

    @Override
    public Optional<Instant> credentialsChangedAt(String username) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT credentials_changed_at FROM users WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Instant>empty();
                    }
                    OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
                }
            }
        });
    }

    @Override
    public LoginRecord loginRecord(String username, Instant failuresSince) {
        // One statement: an API client sending HTTP Basic pays this on every request.
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT u.display_name, u.email, u.organization, u.enabled, u.password_hash, u.credentials_changed_at,"
                            + " (SELECT COUNT(*) FROM failed_login f WHERE f.username = u.username AND f.failed_at >= ?),"
                            + " (SELECT ARRAY_AGG(r.role) FROM user_role r WHERE r.username = u.username),"
                            + " (SELECT ARRAY_AGG(d.department) FROM user_department d WHERE d.username = u.username)"
                            + " FROM users u WHERE u.username = ?")) {
                select.setObject(1, failuresSince.atOffset(ZoneOffset.UTC));
                select.setString(2, username);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return new LoginRecord(Optional.empty(), null, null, failedLoginsSince(c, username, failuresSince));
                    }
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : strings(rs.getArray(8))) {
                        roles.add(Role.valueOf(role));
                    }
                    Set<String> departments = new TreeSet<>(strings(rs.getArray(9)));
                    Account account = new Account(username, rs.getString(1), rs.getString(2), roles, rs.getString(3),
                            departments, rs.getBoolean(4));
                    OffsetDateTime changed = rs.getObject(6, OffsetDateTime.class);
                    return new LoginRecord(Optional.of(account), rs.getString(5), changed == null ? null : changed.toInstant(),
                            rs.getInt(7));
                }
            }
        });
    }

    /** The texts of an SQL array (ARRAY_AGG gives null, not an empty array, when there is no row). */
    private static List<String> strings(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        array.free();
        return values;
    }

    private static int failedLoginsSince(Connection c, String username, Instant since) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT COUNT(*) FROM failed_login WHERE username = ? AND failed_at >= ?")) {
            select.setString(1, username);
            select.setObject(2, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public long count() {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM users");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void recordFailedLogin(String username, Instant at) {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO failed_login (username, failed_at) VALUES (?, ?)")) {
                insert.setString(1, username);
                insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public int failedLoginsSince(String username, Instant since) {
        return Transactions.read(dataSource, c -> failedLoginsSince(c, username, since));
    }

    private void append(Connection c, List<ActivityEntry> entries) throws SQLException {
        for (ActivityEntry entry : entries) {
            activity.append(c, entry);
        }
    }

    private static void writeRolesAndDepartments(Connection c, Account account) throws SQLException {
        try (PreparedStatement role = c.prepareStatement("INSERT INTO user_role (username, role) VALUES (?, ?)")) {
            for (Role r : account.roles()) {
                role.setString(1, account.username());
                role.setString(2, r.name());
                role.addBatch();
            }
            role.executeBatch();
        }
        try (PreparedStatement department = c.prepareStatement(
                "INSERT INTO user_department (username, department) VALUES (?, ?)")) {
            for (String d : account.departments()) {
                department.setString(1, account.username());
                department.setString(2, d);
                department.addBatch();
            }
            department.executeBatch();
        }
    }

    private static void delete(Connection c, String sql, String username) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    /** Roles and departments of the current row; one query each keeps the statements plain. */
    private static Account account(Connection c, ResultSet rs) throws SQLException {
        String username = rs.getString(1);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(c, "SELECT role FROM user_role WHERE username = ?", username)) {
            roles.add(Role.valueOf(role));
        }
        Set<String> departments = new TreeSet<>(strings(c, "SELECT department FROM user_department WHERE username = ?", username));
        return new Account(username, rs.getString(2), rs.getString(3), roles, rs.getString(4), departments,
                rs.getBoolean(5));
    }

    private static List<String> strings(Connection c, String sql, String username) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, username);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
