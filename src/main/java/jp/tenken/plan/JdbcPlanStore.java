package jp.tenken.plan;

import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.api.Summary;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans in plain JDBC with statements H2 and PostgreSQL both run. A new version locks its plan's
 * row ({@code SELECT … FOR UPDATE}) so that concurrent uploads of one plan get consecutive
 * numbers, and writes the version with its document and findings in the same transaction.
 *
 * <p>A plan belongs to the organization of its first stored version. Under the same lock an
 * upload of another organization is refused, so of two concurrent first uploads of one id from
 * two organizations exactly one becomes the plan; the organization is never rewritten.
 *
 * <p>Each version names the user who stored it, and its {@code PLAN_STORED} activity entry is
 * written in the version's transaction: a refused or failed upload leaves neither.
 */
@Singleton
public class JdbcPlanStore implements PlanStore {

    private static final String VERSION_COLUMNS =
            "plan_id, version, stored_at, stored_by, rules_version, document, findings";

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcPlanStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public StoredPlan store(PlanDocument plan, PlanSource source, PlanCheck check, String actor) {
        Objects.requireNonNull(actor, "actor");
        ensurePlanRow(plan);
        String document = StorageJson.write(plan);
        String findings = StorageJson.write(check.findings());
        Summary summary = Summary.of(check.findings());
        OffsetDateTime storedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            int version = lockForNextVersion(c, plan);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO plan_version (plan_id, version, stored_at, title, rules_version, document,"
                            + " source_format, source_text, findings, errors, warnings, infos, stored_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, plan.id());
                insert.setInt(2, version);
                insert.setObject(3, storedAt);
                insert.setString(4, plan.title());
                insert.setString(5, check.rulesVersion());
                insert.setString(6, document);
                insert.setString(7, source.format());
                insert.setString(8, source.text());
                insert.setString(9, findings);
                insert.setLong(10, summary.errors());
                insert.setLong(11, summary.warnings());
                insert.setLong(12, summary.infos());
                insert.setString(13, actor);
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE plan SET latest_version = ? WHERE id = ?")) {
                update.setInt(1, version);
                update.setString(2, plan.id());
                update.executeUpdate();
            }
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("planId", plan.id());
            target.put("version", version);
            activity.append(c, new ActivityEntry(storedAt.toInstant(), actor, ActivityAction.PLAN_STORED,
                    plan.organization(), target, Outcome.OK));
            return new StoredPlan(plan.id(), version, storedAt, actor, check.rulesVersion(), document, check.findings());
        });
    }

    /**
     * Locks the plan's row and answers the number of the version to store. A row with a stored
     * version belongs to its organization: another organization's upload is refused. A row at
     * version 0 holds no plan yet (a first upload that failed after creating it, or one that is
     * racing this one) and goes to whichever upload stores version 1, which writes its
     * organization into it; the organization is never written again.
     */
    private static int lockForNextVersion(Connection c, PlanDocument plan) throws SQLException {
        int latest;
        String owner;
        try (PreparedStatement lock = c.prepareStatement("SELECT latest_version, organization FROM plan WHERE id = ? FOR UPDATE")) {
            lock.setString(1, plan.id());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                latest = rs.getInt(1);
                owner = rs.getString(2);
            }
        }
        if (!owner.equals(plan.organization())) {
            if (latest > 0) {
                throw new PlanOfAnotherOrganizationException(plan.id(), plan.organization());
            }
            try (PreparedStatement claim = c.prepareStatement("UPDATE plan SET organization = ? WHERE id = ?")) {
                claim.setString(1, plan.organization());
                claim.setString(2, plan.id());
                claim.executeUpdate();
            }
        }
        return latest + 1;
    }

    /**
     * Creates the plan's row at version 0 when it is new, in its own transaction: two first uploads
     * may race here, and the loser's duplicate key must not abort the transaction that stores its version.
     */
    private void ensurePlanRow(PlanDocument plan) {
        boolean exists = Transactions.read(dataSource, c -> planExists(c, plan.id()));
        if (exists) {
            return;
        }
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO plan (id, organization, latest_version) VALUES (?, ?, 0)")) {
                    insert.setString(1, plan.id());
                    insert.setString(2, plan.organization());
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (!Transactions.read(dataSource, c -> planExists(c, plan.id()))) {
                throw e;
            }
        }
    }

    private static boolean planExists(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM plan WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<StoredPlan> latest(String planId) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM plan_version WHERE plan_id = ? AND version = (SELECT latest_version FROM plan WHERE id = ?)")) {
                select.setString(1, planId);
                select.setString(2, planId);
                return one(select);
            }
        });
    }

    @Override
    public Optional<StoredPlan> version(String planId, int version) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM plan_version WHERE plan_id = ? AND version = ?")) {
                select.setString(1, planId);
                select.setInt(2, version);
                return one(select);
            }
        });
    }

    @Override
    public Optional<String> organizationOf(String planId) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT organization FROM plan WHERE id = ?")) {
                select.setString(1, planId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<PlanVersionSummary> versions(String planId) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT version, stored_at, stored_by, title, rules_version, errors, warnings, infos FROM plan_version"
                            + " WHERE plan_id = ? ORDER BY version")) {
                select.setString(1, planId);
                List<PlanVersionSummary> versions = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.add(new PlanVersionSummary(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), new Summary(rs.getLong(6), rs.getLong(7), rs.getLong(8))));
                    }
                }
                return versions;
            }
        });
    }

    @Override
    public List<PlanSummary> list() {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT p.id, p.organization, v.title, p.latest_version, v.stored_at, v.stored_by FROM plan p"
                            + " JOIN plan_version v ON v.plan_id = p.id AND v.version = p.latest_version ORDER BY p.id")) {
                List<PlanSummary> plans = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        plans.add(new PlanSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
                    }
                }
                return plans;
            }
        });
    }

    private static Optional<StoredPlan> one(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredPlan(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                    rs.getString(4), rs.getString(5), rs.getString(6), StorageJson.findings(rs.getString(7))));
        }
    }
}
