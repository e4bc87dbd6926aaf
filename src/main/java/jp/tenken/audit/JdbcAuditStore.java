package jp.tenken.audit;

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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Audits in plain JDBC. The record is stored as sent; each finding also gets a row in
 * {@code audit_finding}, and each completion of its corrective action a row in
 * {@code audit_completion} (the one sent with the record, and those recorded later).
 *
 * <p>The audit names the user who recorded it and each completion the user who recorded that; the
 * {@code AUDIT_RECORDED} and {@code ACTION_COMPLETED} activity entries are written in the
 * transaction of their write.
 */
@Singleton
public class JdbcAuditStore implements AuditStore {

    private static final String COLUMNS = "id, stored_at, recorded_by, document";

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcAuditStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public StoredAudit store(AuditRecord record, String actor) {
        Objects.requireNonNull(actor, "actor");
        String id = UUID.randomUUID().toString();
        OffsetDateTime storedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit (id, organization, department, fiscal_year,"
                    + " audited_on, stored_at, document, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, record.organization());
                insert.setString(3, record.department());
                insert.setInt(4, record.fiscalYear());
                insert.setObject(5, record.auditedOn());
                insert.setObject(6, storedAt);
                insert.setString(7, StorageJson.write(record));
                insert.setString(8, actor);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_finding (audit_id, position, finding_id,"
                    + " item_id, severity, action, due_date, completed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < record.findings().size(); i++) {
                    AuditFinding finding = record.findings().get(i);
                    CorrectiveAction action = finding.correctiveAction();
                    insert.setString(1, id);
                    insert.setInt(2, i);
                    insert.setString(3, finding.id());
                    insert.setString(4, finding.itemId());
                    insert.setString(5, finding.severity().name());
                    insert.setString(6, action == null ? null : action.action());
                    insert.setObject(7, action == null ? null : action.dueDate());
                    insert.setObject(8, action == null ? null : action.completedOn());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (AuditFinding finding : record.findings()) {
                CorrectiveAction action = finding.correctiveAction();
                if (action != null && action.completedOn() != null) {
                    insertCompletion(c, id, finding.id(), new RecordedCompletion(action.completedOn(), storedAt, actor, null));
                }
            }
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("auditId", id);
            target.put("department", record.department());
            target.put("fiscalYear", record.fiscalYear());
            activity.append(c, new ActivityEntry(storedAt.toInstant(), actor, ActivityAction.AUDIT_RECORDED,
                    record.organization(), target, Outcome.OK));
            return withCompletions(c, List.of(new StoredAudit(id, storedAt, actor, record))).get(0);
        });
    }

    @Override
    public Optional<StoredAudit> find(String id) {
        return query("SELECT " + COLUMNS + " FROM audit WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<StoredAudit> list(String organization, Integer upToFiscalYear, Integer fiscalYear, String department) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit WHERE organization = ?");
        List<Object> params = new ArrayList<>(List.of(organization));
        if (upToFiscalYear != null) {
            sql.append(" AND fiscal_year <= ?");
            params.add(upToFiscalYear);
        }
        if (fiscalYear != null) {
            sql.append(" AND fiscal_year = ?");
            params.add(fiscalYear);
        }
        if (department != null) {
            sql.append(" AND department = ?");
            params.add(department);
        }
        sql.append(" ORDER BY fiscal_year, audited_on, seq");
        return query(sql.toString(), params);
    }

    @Override
    public Optional<Map<Integer, Set<String>>> departmentsAudited(String organization, int fromYear, int toYear) {
        // One statement, read off the index audit_unit_year (organization, fiscal_year, department):
        // a row per department and year of the range however many audits it had (kind 0), and one
        // row (kind 1) if the organization has any audit at all. A plan check asks this on every
        // upload of a plan that states audit counts, so it is one round trip, not two.
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 0, fiscal_year, department FROM audit"
                    + " WHERE organization = ? AND fiscal_year BETWEEN ? AND ? GROUP BY fiscal_year, department"
                    + " UNION ALL SELECT 1, 0, '' FROM (SELECT 1 AS one FROM audit WHERE organization = ?"
                    + " FETCH FIRST 1 ROWS ONLY) any_audit")) {
                select.setString(1, organization);
                select.setInt(2, fromYear);
                select.setInt(3, toYear);
                select.setString(4, organization);
                Map<Integer, Set<String>> byYear = new TreeMap<>();
                boolean any = false;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(1) == 1) {
                            any = true;
                        } else {
                            byYear.computeIfAbsent(rs.getInt(2), y -> new TreeSet<>()).add(rs.getString(3));
                        }
                    }
                }
                return any ? Optional.of(byYear) : Optional.empty();
            }
        });
    }

    @Override
    public CompletionOutcome complete(String auditId, String findingId, Completion completion, String completedBy) {
        Objects.requireNonNull(completedBy, "completedBy");
        OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            // The finding's row is locked before its history is read: a completion sent at the same
            // time waits here, then finds this one and is a correction.
            LocalDate current;
            try (PreparedStatement lock = c.prepareStatement("SELECT completed_on FROM audit_finding"
                    + " WHERE audit_id = ? AND finding_id = ? FOR UPDATE")) {
                lock.setString(1, auditId);
                lock.setString(2, findingId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return CompletionOutcome.NO_SUCH_FINDING;
                    }
                    current = rs.getObject(1, LocalDate.class);
                }
            }
            if (!completion.hasReason() && completion.completedOn().equals(current)) {
                return CompletionOutcome.ALREADY_RECORDED;
            }
            if (hasCompletion(c, auditId, findingId) && !completion.hasReason()) {
                return CompletionOutcome.REASON_REQUIRED;
            }
            insertCompletion(c, auditId, findingId, new RecordedCompletion(completion.completedOn(), recordedAt, completedBy,
                    completion.hasReason() ? completion.reason() : null));
            try (PreparedStatement update = c.prepareStatement("UPDATE audit_finding SET completed_on = ?,"
                    + " completion_recorded_at = ? WHERE audit_id = ? AND finding_id = ?")) {
                update.setObject(1, completion.completedOn());
                update.setObject(2, recordedAt);
                update.setString(3, auditId);
                update.setString(4, findingId);
                update.executeUpdate();
            }
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("auditId", auditId);
            target.put("findingId", findingId);
            target.put("completedOn", completion.completedOn().toString());
            activity.append(c, new ActivityEntry(recordedAt.toInstant(), completedBy, ActivityAction.ACTION_COMPLETED,
                    organizationOf(c, auditId), target, Outcome.OK));
            return CompletionOutcome.RECORDED;
        });
    }

    private static String organizationOf(Connection c, String auditId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT organization FROM audit WHERE id = ?")) {
            select.setString(1, auditId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static boolean hasCompletion(Connection c, String auditId, String findingId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM audit_completion"
                + " WHERE audit_id = ? AND finding_id = ?")) {
            select.setString(1, auditId);
            select.setString(2, findingId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void insertCompletion(Connection c, String auditId, String findingId, RecordedCompletion completion)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_completion (audit_id, finding_id,"
                + " completed_on, recorded_at, completed_by, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, auditId);
            insert.setString(2, findingId);
            insert.setObject(3, completion.completedOn());
            insert.setObject(4, completion.recordedAt());
            insert.setString(5, completion.completedBy());
            insert.setString(6, completion.reason());
            insert.executeUpdate();
        }
    }

    private List<StoredAudit> query(String sql, List<Object> params) {
        return Transactions.read(dataSource, c -> {
            List<StoredAudit> audits = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        audits.add(new StoredAudit(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                read(rs.getString(4))));
                    }
                }
            }
            return withCompletions(c, audits);
        });
    }

    /** The stored records with every completion recorded for their corrective actions, oldest first. */
    private static List<StoredAudit> withCompletions(Connection c, List<StoredAudit> audits) throws SQLException {
        if (audits.isEmpty()) {
            return audits;
        }
        Map<String, Map<String, List<RecordedCompletion>>> completions = new HashMap<>();
        String placeholders = String.join(", ", Collections.nCopies(audits.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT audit_id, finding_id, completed_on, recorded_at,"
                + " completed_by, reason FROM audit_completion WHERE audit_id IN (" + placeholders + ") ORDER BY seq")) {
            for (int i = 0; i < audits.size(); i++) {
                select.setString(i + 1, audits.get(i).id());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    completions.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new RecordedCompletion(rs.getObject(3, LocalDate.class), rs.getObject(4, OffsetDateTime.class),
                                    rs.getString(5), rs.getString(6)));
                }
            }
        }
        List<StoredAudit> result = new ArrayList<>();
        for (StoredAudit audit : audits) {
            AuditRecord record = audit.record().withCompletions(completions.getOrDefault(audit.id(), Map.of()));
            result.add(new StoredAudit(audit.id(), audit.storedAt(), audit.recordedBy(), record));
        }
        return result;
    }

    private static AuditRecord read(String json) {
        return StorageJson.read(json, AuditRecord.class);
    }
}
