package jp.tenken.activity;

import jakarta.inject.Singleton;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activity log (audit trail, CONTRACT §7) in plain JDBC, with statements H2 and PostgreSQL
 * both run.
 *
 * <p>It is append-only by construction: there is no method to change or delete an entry, and
 * none must be added; a wrong entry is answered by a later one, never by rewriting the record.
 *
 * <p>An accepted write is recorded with {@link #append(Connection, ActivityEntry)} on the write's
 * own connection, inside its transaction: the entry commits with the write or rolls back with it,
 * so an entry never exists without its write and a write never without its entry. What has no
 * write of its own (a failed login, a refused request) is recorded with
 * {@link #append(ActivityEntry)} in a transaction of its own.
 */
@Singleton
public class ActivityLog {

    private static final String COLUMNS = "at, username, action, organization, target, outcome";

    private final DataSource dataSource;

    public ActivityLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes the entry in the caller's transaction; it commits or rolls back with the caller's
     * work. Does not commit, and throws SQLException so it fits inside {@link Transactions.Work}.
     */
    public void append(Connection connection, ActivityEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO activity (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(2, entry.user());
            insert.setString(3, entry.action().name());
            insert.setString(4, entry.organization());
            insert.setString(5, StorageJson.write(entry.target()));
            insert.setString(6, entry.outcome().name());
            insert.executeUpdate();
        }
    }

    /** Writes the entry in a transaction of its own: for what is recorded without a write (refusals). */
    public void append(ActivityEntry entry) {
        Transactions.inTransaction(dataSource, c -> {
            append(c, entry);
            return null;
        });
    }

    /** The entries the query selects, newest first; entries of the same instant newest-written first. */
    public List<ActivityEntry> list(ActivityQuery query) {
        Filter filter = Filter.of(query);
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM activity"
                    + filter.where() + " ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?")) {
                int next = filter.bind(select);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                List<ActivityEntry> entries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                }
                return entries;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static ActivityEntry entry(ResultSet rs) throws SQLException {
        return new ActivityEntry(
                rs.getObject(1, OffsetDateTime.class).toInstant(),
                rs.getString(2),
                ActivityAction.valueOf(rs.getString(3)),
                rs.getString(4),
                (Map<String, Object>) StorageJson.read(rs.getString(5), Map.class),
                Outcome.valueOf(rs.getString(6)));
    }

    /** The WHERE clause of a query's non-null filters and their values, bound in the same order. */
    private record Filter(List<String> conditions, List<Object> values) {

        static Filter of(ActivityQuery query) {
            Filter filter = new Filter(new ArrayList<>(), new ArrayList<>());
            filter.add("organization = ?", query.organization());
            filter.add("at >= ?", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            filter.add("at < ?", query.to() == null ? null : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            filter.add("username = ?", query.user());
            filter.add("action = ?", query.action() == null ? null : query.action().name());
            return filter;
        }

        private void add(String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                values.add(value);
            }
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        /** Binds the values from the first parameter on; answers the index of the next one. */
        int bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return values.size() + 1;
        }
    }
}
