package jp.tenken.inspection;

import java.util.List;
import java.util.Optional;

/**
 * Drafts of self-inspections, one per organization, department and fiscal year; H2 and PostgreSQL
 * behind one implementation. A submission stored for a department and year deletes its draft in
 * the submission's transaction ({@link JdbcInspectionStore}).
 */
public interface InspectionDraftStore {

    /**
     * Saves the draft of the department and year as {@code actor} (a user name) saved it now,
     * replacing the one there was, with its {@code INSPECTION_DRAFT_SAVED} activity entry in the same
     * transaction; answers it as stored.
     */
    InspectionDraft save(String organization, String department, int fiscalYear, String checklistId,
                         List<DraftAnswer> answers, String actor);

    /** The draft of a department and fiscal year, if there is one. */
    Optional<InspectionDraft> find(String organization, String department, int fiscalYear);

    /**
     * Deletes the draft of a department and fiscal year, as {@code actor} did, with its
     * {@code INSPECTION_DRAFT_DELETED} entry in the same transaction; answers whether there was one
     * (none: nothing deleted, nothing recorded).
     */
    boolean delete(String organization, String department, int fiscalYear, String actor);
}
