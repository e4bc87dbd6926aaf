package jp.tenken.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stored self-inspections; H2 and PostgreSQL behind one implementation. */
public interface InspectionStore {

    /**
     * Stores a checked submission, submitted by {@code actor} (a user name), with its
     * {@code INSPECTION_SUBMITTED} activity entry in the same transaction; it becomes the current
     * one of its department and fiscal year, and the department's draft of that year is deleted in
     * the same transaction.
     */
    StoredInspection store(InspectionCheck check, String actor);

    /** A submission by id, current or superseded. */
    Optional<StoredInspection> find(String id);

    /** The current submission of a department for a fiscal year. */
    Optional<StoredInspection> current(String organization, String department, int fiscalYear);

    /**
     * The status and findings of each department's current submission for a fiscal year, without
     * the submitted answers: what the compliance list needs of 300 departments, read without
     * parsing 300 documents. As of a date: only submissions dated ({@code submittedOn}) on or before
     * it count, the latest of those being current then (null: every submission, as today).
     */
    List<CurrentStatus> currentStatuses(String organization, int fiscalYear, LocalDate asOf);

    /** The current submissions of an organization, optionally of one fiscal year and one department. */
    List<StoredInspection> current(String organization, Integer fiscalYear, String department);

    /**
     * Each department's latest self-inspection: the current submission of the latest fiscal year
     * among the current ones submitted on or before {@code submittedBy}, by department. What
     * reminders read; which one is latest is decided without parsing the others' documents.
     */
    List<StoredInspection> latestCurrent(String organization, LocalDate submittedBy);
}
