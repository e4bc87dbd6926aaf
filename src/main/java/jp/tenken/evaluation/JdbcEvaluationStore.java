package jp.tenken.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.api.Summary;
import jp.tenken.document.DocumentFormat;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
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
 * Evaluation reports in plain JDBC with statements H2 and PostgreSQL both run, as plans are
 * stored ({@code JdbcPlanStore}): a new version locks its evaluation's row so that concurrent
 * uploads get consecutive numbers; an evaluation belongs to the organization of its first version;
 * the version and its {@code EVALUATION_STORED} activity entry are written in one transaction.
 */
@Singleton
public class JdbcEvaluationStore implements EvaluationStore {

    private static final String VERSION_COLUMNS = "v.evaluation_id, v.version, v.stored_at, v.stored_by, e.organization,"
            + " v.fiscal_year, v.plan_id, v.plan_version, v.rules_version, v.document, v.findings, v.traces";

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcEvaluationStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public StoredEvaluation store(EvaluationDocument evaluation, byte[] source, DocumentFormat format, EvaluationCheck check,
                                  String actor) {
        Objects.requireNonNull(actor, "actor");
        ensureRow(evaluation);
        String document = StorageJson.write(evaluation);
        String findings = StorageJson.write(check.findings());
        String traces = StorageJson.write(check.traces());
        Summary summary = Summary.of(check.findings());
        OffsetDateTime storedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            int version = lockForNextVersion(c, evaluation);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO evaluation_version (evaluation_id, version, stored_at, stored_by, fiscal_year, plan_id,"
                            + " plan_version, rules_version, document, source_format, source_text, findings, traces,"
                            + " errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, evaluation.id());
                insert.setInt(2, version);
                insert.setObject(3, storedAt);
                insert.setString(4, actor);
                insert.setInt(5, evaluation.fiscalYear());
                insert.setString(6, check.planId());
                insert.setInt(7, check.planVersion());
                insert.setString(8, check.rulesVersion());
                insert.setString(9, document);
                insert.setString(10, format.name());
                insert.setString(11, new String(source, StandardCharsets.UTF_8));
                insert.setString(12, findings);
                insert.setString(13, traces);
                insert.setLong(14, summary.errors());
                insert.setLong(15, summary.warnings());
                insert.setLong(16, summary.infos());
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE evaluation SET latest_version = ? WHERE id = ?")) {
                update.setInt(1, version);
                update.setString(2, evaluation.id());
                update.executeUpdate();
            }
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("evaluationId", evaluation.id());
            target.put("version", version);
            target.put("planId", check.planId());
            target.put("planVersion", check.planVersion());
            activity.append(c, new ActivityEntry(storedAt.toInstant(), actor, ActivityAction.EVALUATION_STORED,
                    evaluation.organization(), target, Outcome.OK));
            return new StoredEvaluation(evaluation.id(), version, storedAt, actor, evaluation.organization(),
                    evaluation.fiscalYear(), check.planId(), check.planVersion(), check.rulesVersion(), document,
                    check.findings(), check.traces());
        });
    }

    /** Locks the row and answers the next version; a row with a version belongs to its organization. */
    private static int lockForNextVersion(Connection c, EvaluationDocument evaluation) throws SQLException {
        int latest;
        String owner;
        try (PreparedStatement lock = c.prepareStatement("SELECT latest_version, organization FROM evaluation WHERE id = ? FOR UPDATE")) {
            lock.setString(1, evaluation.id());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                latest = rs.getInt(1);
                owner = rs.getString(2);
            }
        }
        if (!owner.equals(evaluation.organization())) {
            if (latest > 0) {
                throw new EvaluationOfAnotherOrganizationException(evaluation.id(), evaluation.organization());
            }
            try (PreparedStatement claim = c.prepareStatement("UPDATE evaluation SET organization = ? WHERE id = ?")) {
                claim.setString(1, evaluation.organization());
                claim.setString(2, evaluation.id());
                claim.executeUpdate();
            }
        }
        return latest + 1;
    }

    /** Creates the row at version 0 in its own transaction: two first uploads may race here (see JdbcPlanStore). */
    private void ensureRow(EvaluationDocument evaluation) {
        if (Transactions.read(dataSource, c -> exists(c, evaluation.id()))) {
            return;
        }
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO evaluation (id, organization, latest_version) VALUES (?, ?, 0)")) {
                    insert.setString(1, evaluation.id());
                    insert.setString(2, evaluation.organization());
                    return insert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (!Transactions.read(dataSource, c -> exists(c, evaluation.id()))) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM evaluation WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<StoredEvaluation> latest(String evaluationId) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM evaluation_version v JOIN evaluation e ON e.id = v.evaluation_id"
                    + " WHERE v.evaluation_id = ? AND v.version = e.latest_version")) {
                select.setString(1, evaluationId);
                return one(select);
            }
        });
    }

    @Override
    public Optional<StoredEvaluation> version(String evaluationId, int version) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION_COLUMNS
                    + " FROM evaluation_version v JOIN evaluation e ON e.id = v.evaluation_id"
                    + " WHERE v.evaluation_id = ? AND v.version = ?")) {
                select.setString(1, evaluationId);
                select.setInt(2, version);
                return one(select);
            }
        });
    }

    @Override
    public List<EvaluationSummary> list() {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT e.id, e.organization, v.document, v.fiscal_year, v.plan_id, v.plan_version, e.latest_version,"
                            + " v.stored_at, v.stored_by, v.errors, v.warnings, v.infos FROM evaluation e"
                            + " JOIN evaluation_version v ON v.evaluation_id = e.id AND v.version = e.latest_version ORDER BY e.id")) {
                List<EvaluationSummary> list = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String title = StorageJson.read(rs.getString(3), EvaluationDocument.class).title();
                        list.add(new EvaluationSummary(rs.getString(1), rs.getString(2), title, rs.getInt(4), rs.getString(5),
                                rs.getInt(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                                new Summary(rs.getLong(10), rs.getLong(11), rs.getLong(12))));
                    }
                }
                return list;
            }
        });
    }

    @Override
    public Optional<String> organizationOf(String evaluationId) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT organization FROM evaluation WHERE id = ?")) {
                select.setString(1, evaluationId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static Optional<StoredEvaluation> one(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredEvaluation(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                    rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                    rs.getString(10), StorageJson.findings(rs.getString(11)), traces(rs.getString(12))));
        }
    }

    private static List<Trace> traces(String json) {
        return StorageJson.read(json, new TypeReference<List<Trace>>() { });
    }
}
