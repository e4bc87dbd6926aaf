package jp.tenken.reminder;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link SentReminders} in plain JDBC, the same statements on H2 and PostgreSQL. */
@Singleton
@Requires(notEnv = Environment.CLI)
class JdbcSentReminders implements SentReminders {

    /** Unique key taken (both databases); H2's lock timeout; PostgreSQL's deadlock: another run has the claim. */
    private static final Set<String> TAKEN = Set.of("23505", "HYT00", "40P01", "40001");

    private final DataSource dataSource;

    JdbcSentReminders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> sentTo(String recipient, String organization, String department) {
        return Transactions.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT item_key, due_date, stage FROM reminder_sent WHERE recipient = ? AND organization = ? AND department = ?")) {
                select.setString(1, recipient);
                select.setString(2, organization);
                select.setString(3, department);
                Set<String> sent = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sent.add(rows.getString(1) + "/" + rows.getDate(2).toLocalDate() + "/" + rows.getString(3));
                    }
                }
                return sent;
            }
        });
    }

    @Override
    public void claimThenSend(List<Claim> claims, Runnable send) {
        Transactions.inTransaction(dataSource, connection -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reminder_sent "
                    + "(item_key, due_date, stage, recipient, organization, department, item, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Claim claim : claims) {
                    insert.setString(1, claim.item().key());
                    insert.setDate(2, Date.valueOf(claim.item().dueDate()));
                    insert.setString(3, claim.stage().name());
                    insert.setString(4, claim.recipient());
                    insert.setString(5, claim.organization());
                    insert.setString(6, claim.item().department());
                    insert.setString(7, readable(claim.item()));
                    insert.setTimestamp(8, now);
                    // One by one, in the list's order: a claim another run holds stops here, waiting for it.
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                if (TAKEN.contains(e.getSQLState())) {
                    throw new AlreadyClaimedException(e);
                }
                throw e;
            }
            send.run();
            return null;
        });
    }

    private static String readable(Reminder item) {
        String record = item.kind() == ReminderKind.REMEDIATION ? item.source().inspectionId() : item.source().auditId();
        String text = item.label() + " (" + record + ")";
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
