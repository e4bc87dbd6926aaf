package jp.tenken.audit;

import jakarta.inject.Singleton;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Audits in plain JDBC. The record is stored as sent; each finding also gets a row in
 * {@code audit_finding}, where the completion of its corrective action is recorded later.
 */
@Singleton
public class JdbcAuditStore implements AuditStore {

    private final DataSource dataSource;

    public JdbcAuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public StoredAudit store(AuditRecord record) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime storedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit (id, organization, department, fiscal_year,"
                    + " audited_on, stored_at, document) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, record.organization());
                insert.setString(3, record.department());
                insert.setInt(4, record.fiscalYear());
                insert.setObject(5, record.auditedOn());
                insert.setObject(6, storedAt);
                insert.setString(7, StorageJson.write(record));
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
            return null;
        });
        return new StoredAudit(id, storedAt, record);
    }

    @Override
    public Optional<StoredAudit> find(String id) {
        return query("SELECT id, stored_at, document FROM audit WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<StoredAudit> list(String organization, Integer upToFiscalYear, Integer fiscalYear, String department) {
        StringBuilder sql = new StringBuilder("SELECT id, stored_at, document FROM audit WHERE organization = ?");
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
    public boolean complete(String auditId, String findingId, LocalDate completedOn) {
        return Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE audit_finding SET completed_on = ?,"
                    + " completion_recorded_at = ? WHERE audit_id = ? AND finding_id = ?")) {
                update.setObject(1, completedOn);
                update.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
                update.setString(3, auditId);
                update.setString(4, findingId);
                return update.executeUpdate() == 1;
            }
        });
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
                        audits.add(new StoredAudit(rs.getString(1), rs.getObject(2, OffsetDateTime.class), read(rs.getString(3))));
                    }
                }
            }
            return withCompletions(c, audits);
        });
    }

    /** The stored records with the completion dates recorded since they were stored. */
    private static List<StoredAudit> withCompletions(Connection c, List<StoredAudit> audits) throws SQLException {
        if (audits.isEmpty()) {
            return audits;
        }
        Map<String, Map<String, LocalDate>> completions = new HashMap<>();
        String placeholders = String.join(", ", java.util.Collections.nCopies(audits.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT audit_id, finding_id, completed_on FROM audit_finding"
                + " WHERE completed_on IS NOT NULL AND audit_id IN (" + placeholders + ")")) {
            for (int i = 0; i < audits.size(); i++) {
                select.setString(i + 1, audits.get(i).id());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    completions.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getObject(3, LocalDate.class));
                }
            }
        }
        List<StoredAudit> result = new ArrayList<>();
        for (StoredAudit audit : audits) {
            AuditRecord record = audit.record();
            for (Map.Entry<String, LocalDate> done : completions.getOrDefault(audit.id(), Map.of()).entrySet()) {
                record = record.withCompletion(done.getKey(), done.getValue());
            }
            result.add(new StoredAudit(audit.id(), audit.storedAt(), record));
        }
        return result;
    }

    private static AuditRecord read(String json) {
        return StorageJson.read(json, AuditRecord.class);
    }
}
