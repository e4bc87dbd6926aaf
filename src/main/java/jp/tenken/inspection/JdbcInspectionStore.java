package jp.tenken.inspection;

import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.api.Summary;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
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
 * Self-inspections in plain JDBC, with statements H2 and PostgreSQL both run. Each submission names
 * the user who submitted it; its {@code INSPECTION_SUBMITTED} activity entry is written, and the
 * department's draft of that year ({@link JdbcInspectionDraftStore}) deleted, in the submission's
 * transaction.
 */
@Singleton
public class JdbcInspectionStore implements InspectionStore {

    private static final String COLUMNS = "i.id, i.organization, i.department, i.fiscal_year, i.checklist_id,"
            + " i.checklist_version, i.submitted_on, i.stored_at, i.submitted_by, i.status, i.rules_version, i.document, i.findings,"
            + " i.seq = (SELECT MAX(c.seq) FROM inspection c WHERE c.organization = i.organization"
            + " AND c.fiscal_year = i.fiscal_year AND c.department = i.department) AS is_current";

    private static final String CURRENT = " AND i.seq = (SELECT MAX(c.seq) FROM inspection c WHERE c.organization = i.organization"
            + " AND c.fiscal_year = i.fiscal_year AND c.department = i.department)";

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcInspectionStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public StoredInspection store(InspectionCheck check, String actor) {
        Objects.requireNonNull(actor, "actor");
        InspectionSubmission submission = check.submission();
        String id = UUID.randomUUID().toString();
        OffsetDateTime storedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Summary summary = Summary.of(check.findings());
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO inspection (id, organization, department,"
                    + " fiscal_year, checklist_id, checklist_version, submitted_on, stored_at, status, rules_version,"
                    + " errors, warnings, infos, document, findings, submitted_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, submission.organization());
                insert.setString(3, check.department());
                insert.setInt(4, submission.fiscalYear());
                insert.setString(5, check.checklist().id());
                insert.setString(6, check.checklist().version());
                insert.setObject(7, submission.submittedOn());
                insert.setObject(8, storedAt);
                insert.setString(9, check.status().name());
                insert.setString(10, check.rulesVersion());
                insert.setLong(11, summary.errors());
                insert.setLong(12, summary.warnings());
                insert.setLong(13, summary.infos());
                insert.setString(14, StorageJson.write(submission));
                insert.setString(15, StorageJson.write(check.findings()));
                insert.setString(16, actor);
                insert.executeUpdate();
            }
            // A submitted form leaves no stale draft: its department's draft of the year goes with it.
            JdbcInspectionDraftStore.discard(c, submission.organization(), check.department(), submission.fiscalYear());
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("inspectionId", id);
            target.put("department", check.department());
            target.put("fiscalYear", submission.fiscalYear());
            activity.append(c, new ActivityEntry(storedAt.toInstant(), actor, ActivityAction.INSPECTION_SUBMITTED,
                    submission.organization(), target, Outcome.OK));
            return null;
        });
        return new StoredInspection(id, submission.organization(), check.department(), submission.fiscalYear(),
                check.checklist().id(), check.checklist().version(), submission.submittedOn(), storedAt, actor, check.status(),
                check.rulesVersion(), submission, check.findings(), true);
    }

    @Override
    public Optional<StoredInspection> find(String id) {
        List<StoredInspection> found = query("SELECT " + COLUMNS + " FROM inspection i WHERE i.id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public Optional<StoredInspection> current(String organization, String department, int fiscalYear) {
        return current(organization, fiscalYear, department).stream().findFirst();
    }

    @Override
    public List<StoredInspection> current(String organization, Integer fiscalYear, String department) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM inspection i WHERE i.organization = ?");
        List<Object> params = new ArrayList<>(List.of(organization));
        if (fiscalYear != null) {
            sql.append(" AND i.fiscal_year = ?");
            params.add(fiscalYear);
        }
        if (department != null) {
            sql.append(" AND i.department = ?");
            params.add(department);
        }
        sql.append(CURRENT).append(" ORDER BY i.fiscal_year, i.department");
        return query(sql.toString(), params.toArray());
    }

    @Override
    public List<StoredInspection> latestCurrent(String organization, LocalDate submittedBy) {
        List<String> ids = Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT i.id, i.department FROM inspection i"
                    + " WHERE i.organization = ? AND i.submitted_on <= ?" + CURRENT + " ORDER BY i.department, i.fiscal_year DESC")) {
                select.setString(1, organization);
                select.setObject(2, submittedBy);
                List<String> latest = new ArrayList<>();
                String department = null;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        // The first row of each department is its latest year.
                        if (!rs.getString(2).equals(department)) {
                            latest.add(rs.getString(1));
                            department = rs.getString(2);
                        }
                    }
                }
                return latest;
            }
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return query("SELECT " + COLUMNS + " FROM inspection i WHERE i.id IN (" + marks + ") ORDER BY i.department", ids.toArray());
    }

    /**
     * The current self-inspection of each department of an organization and year as of a date
     * (parameters: organization, fiscal year, the date twice); public for the bench, which shows
     * PostgreSQL's plan of it among 1,741 organizations.
     */
    public static final String CURRENT_STATUSES = "SELECT i.id, i.department, i.status, i.findings, i.checklist_id FROM inspection i"
            + " WHERE i.organization = ? AND i.fiscal_year = ? AND i.submitted_on <= ?"
            + " AND i.seq = (SELECT MAX(c.seq) FROM inspection c WHERE c.organization = i.organization"
            + " AND c.fiscal_year = i.fiscal_year AND c.department = i.department AND c.submitted_on <= ?)"
            + " ORDER BY i.department";

    @Override
    public List<CurrentStatus> currentStatuses(String organization, int fiscalYear, LocalDate asOf) {
        // A submission dated after asOf did not exist then; the latest one dated by then was current.
        LocalDate until = asOf == null ? LocalDate.of(9999, 12, 31) : asOf;
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(CURRENT_STATUSES)) {
                select.setString(1, organization);
                select.setInt(2, fiscalYear);
                select.setObject(3, until);
                select.setObject(4, until);
                List<CurrentStatus> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new CurrentStatus(rs.getString(1), rs.getString(2), InspectionStatus.valueOf(rs.getString(3)),
                                StorageJson.findings(rs.getString(4)), rs.getString(5)));
                    }
                }
                return rows;
            }
        });
    }

    private List<StoredInspection> query(String sql, Object... params) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    select.setObject(i + 1, params[i]);
                }
                List<StoredInspection> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static StoredInspection row(ResultSet rs) throws SQLException {
        return new StoredInspection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, OffsetDateTime.class),
                    rs.getString(9), InspectionStatus.valueOf(rs.getString(10)), rs.getString(11),
                    StorageJson.read(rs.getString(12), InspectionSubmission.class),
                    StorageJson.findings(rs.getString(13)), rs.getBoolean(14));
    }
}
