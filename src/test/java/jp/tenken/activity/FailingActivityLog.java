package jp.tenken.activity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An activity log whose append writes the entry and then fails, as a database that breaks at the
 * last statement of a write would: the store's transaction must roll back the record with the entry,
 * so that neither exists.
 */
public final class FailingActivityLog extends ActivityLog {

    public FailingActivityLog(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public void append(Connection connection, ActivityEntry entry) throws SQLException {
        super.append(connection, entry);
        throw new SQLException("forced failure after the entry was written");
    }
}
