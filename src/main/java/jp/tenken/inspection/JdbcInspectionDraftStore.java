package jp.tenken.inspection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Singleton;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.storage.StorageException;
import jp.tenken.storage.StorageJson;
import jp.tenken.storage.Transactions;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drafts in plain JDBC, with statements H2 and PostgreSQL both run. The answers are kept as JSON
 * text, as typed. Saving is an UPDATE, or an INSERT where there was no draft; the activity entry is
 * written in the same transaction.
 */
@Singleton
public class JdbcInspectionDraftStore implements InspectionDraftStore {

    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final ObjectMapper JSON = new JsonMapper();
    private static final TypeReference<List<DraftAnswer>> ANSWERS = new TypeReference<>() { };

    private final DataSource dataSource;
    private final ActivityLog activity;

    public JdbcInspectionDraftStore(DataSource dataSource, ActivityLog activity) {
        this.dataSource = dataSource;
        this.activity = activity;
    }

    @Override
    public InspectionDraft save(String organization, String department, int fiscalYear, String checklistId,
                                List<DraftAnswer> answers, String actor) {
        Objects.requireNonNull(actor, "actor");
        InspectionDraft draft = new InspectionDraft(organization, department, fiscalYear, checklistId, answers, actor,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        try {
            return saveOnce(draft);
        } catch (StorageException e) {
            // Two first saves of the same draft at once: both found none and inserted, one lost.
            // Its transaction rolled back whole; saved again, it now finds the other's row and replaces it.
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return saveOnce(draft);
            }
            throw e;
        }
    }

    private InspectionDraft saveOnce(InspectionDraft draft) {
        String answers = StorageJson.write(draft.answers());
        return Transactions.inTransaction(dataSource, c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE inspection_draft SET checklist_id = ?, answers = ?,"
                    + " saved_by = ?, saved_at = ? WHERE organization = ? AND department = ? AND fiscal_year = ?")) {
                update.setString(1, draft.checklistId());
                update.setString(2, answers);
                update.setString(3, draft.savedBy());
                update.setObject(4, draft.savedAt());
                update.setString(5, draft.organization());
                update.setString(6, draft.department());
                update.setInt(7, draft.fiscalYear());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO inspection_draft (organization, department,"
                        + " fiscal_year, checklist_id, answers, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, draft.organization());
                    insert.setString(2, draft.department());
                    insert.setInt(3, draft.fiscalYear());
                    insert.setString(4, draft.checklistId());
                    insert.setString(5, answers);
                    insert.setString(6, draft.savedBy());
                    insert.setObject(7, draft.savedAt());
                    insert.executeUpdate();
                }
            }
            activity.append(c, entry(draft.savedAt(), draft.savedBy(), ActivityAction.INSPECTION_DRAFT_SAVED,
                    draft.organization(), draft.department(), draft.fiscalYear()));
            return draft;
        });
    }

    @Override
    public Optional<InspectionDraft> find(String organization, String department, int fiscalYear) {
        return Transactions.read(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT checklist_id, answers, saved_by, saved_at"
                    + " FROM inspection_draft WHERE organization = ? AND department = ? AND fiscal_year = ?")) {
                select.setString(1, organization);
                select.setString(2, department);
                select.setInt(3, fiscalYear);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new InspectionDraft(organization, department, fiscalYear, rs.getString(1),
                            answers(rs.getString(2)), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
        });
    }

    @Override
    public boolean delete(String organization, String department, int fiscalYear, String actor) {
        Objects.requireNonNull(actor, "actor");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, c -> {
            if (!discard(c, organization, department, fiscalYear)) {
                return false;
            }
            activity.append(c, entry(at, actor, ActivityAction.INSPECTION_DRAFT_DELETED, organization, department, fiscalYear));
            return true;
        });
    }

    /**
     * Deletes the draft of a department and year on the caller's connection, in its transaction:
     * how a stored submission takes its draft with it. Answers whether there was one.
     */
    static boolean discard(Connection connection, String organization, String department, int fiscalYear)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM inspection_draft WHERE organization = ? AND department = ? AND fiscal_year = ?")) {
            delete.setString(1, organization);
            delete.setString(2, department);
            delete.setInt(3, fiscalYear);
            return delete.executeUpdate() > 0;
        }
    }

    private static ActivityEntry entry(OffsetDateTime at, String actor, ActivityAction action, String organization,
                                       String department, int fiscalYear) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("department", department);
        target.put("fiscalYear", fiscalYear);
        return new ActivityEntry(at.toInstant(), actor, action, organization, target, Outcome.OK);
    }

    private static List<DraftAnswer> answers(String json) {
        try {
            return JSON.readValue(json, ANSWERS);
        } catch (IOException e) {
            throw new IllegalStateException("a stored draft is not readable", e);
        }
    }
}
