package jp.tenken.waiver;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Waivers in plain JDBC, with statements H2 and PostgreSQL both run. The {@code WAIVER_CREATED} and
 * {@code WAIVER_REVOKED} activity entries are written in the transaction of their write.
 */
@Singleton
public class JdbcWaiverStore implements WaiverStore {

    private static final String COLUMNS = "id, organization, rule_id, target, reason, expires_on, created_by, created_at,"
            + " revoked_by, revoked_at";

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcWaiverStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public Waiver create(Waiver.New waiver, String actor) {
        Objects.requireNonNull(actor, "actor");
        String id = UUID.randomUUID().toString();
        OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Waiver stored = new Waiver(id, waiver.organization(), waiver.ruleId(), waiver.target(), waiver.reason(),
                waiver.expiresOn(), actor, createdAt, null, null);
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO waiver (id, organization, rule_id, target, reason,"
                    + " expires_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, stored.organization());
                insert.setString(3, stored.ruleId());
                insert.setString(4, StorageJson.write(stored.target()));
                insert.setString(5, stored.reason());
                insert.setObject(6, stored.expiresOn());
                insert.setString(7, actor);
                insert.setObject(8, createdAt);
                insert.executeUpdate();
            }
            activity.append(c, new ActivityEntry(createdAt.toInstant(), actor, ActivityAction.WAIVER_CREATED,
                    stored.organization(), entryTarget(stored), Outcome.OK));
            return stored;
        });
    }

    /** What an activity entry of a waiver names: the waiver, its rule and target, and its expiry. */
    static Map<String, Object> entryTarget(Waiver waiver) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("waiverId", waiver.id());
        target.put("ruleId", waiver.ruleId());
        target.put("target", waiver.target());
        target.put("expiresOn", waiver.expiresOn().toString());
        return target;
    }

    @Override
    public Optional<Waiver> find(String id) {
        return Transactions.read(dataSource, c -> query(c, "SELECT " + COLUMNS + " FROM waiver WHERE id = ?", id))
                .stream().findFirst();
    }

    @Override
    public List<Waiver> list(String organization) {
        return Transactions.read(dataSource, c -> query(c, "SELECT " + COLUMNS + " FROM waiver WHERE organization = ? ORDER BY seq",
                organization));
    }

    @Override
    public RevocationOutcome revoke(String id, String actor) {
        Objects.requireNonNull(actor, "actor");
        OffsetDateTime revokedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE waiver SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                update.setString(1, actor);
                update.setObject(2, revokedAt);
                update.setString(3, id);
                updated = update.executeUpdate();
            }
            List<Waiver> found = query(c, "SELECT " + COLUMNS + " FROM waiver WHERE id = ?", id);
            if (found.isEmpty()) {
                return RevocationOutcome.NOT_FOUND;
            }
            if (updated == 0) {
                return RevocationOutcome.ALREADY_REVOKED;
            }
            Waiver waiver = found.get(0);
            activity.append(c, new ActivityEntry(revokedAt.toInstant(), actor, ActivityAction.WAIVER_REVOKED,
                    waiver.organization(), entryTarget(waiver), Outcome.OK));
            return RevocationOutcome.REVOKED;
        });
    }

    private static List<Waiver> query(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<Waiver> waivers = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    waivers.add(new Waiver(rs.getString(1), rs.getString(2), rs.getString(3),
                            StorageJson.read(rs.getString(4), new TypeReference<LinkedHashMap<String, Object>>() { }),
                            rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getString(9),
                            rs.getObject(10, OffsetDateTime.class) == null ? null
                                    : rs.getObject(10, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
            return waivers;
        }
    }
}
