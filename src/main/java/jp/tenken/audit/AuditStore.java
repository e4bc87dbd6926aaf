package jp.tenken.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Stored audits; H2 and PostgreSQL behind one implementation. */
public interface AuditStore {

    /**
     * Stores a new audit record under a new id, recorded by {@code actor} (a user name, also the
     * {@code completedBy} of the completions sent with it), with its {@code AUDIT_RECORDED} activity
     * entry in the same transaction.
     */
    StoredAudit store(AuditRecord record, String actor);

    /** An audit by id, with the completions recorded so far. */
    Optional<StoredAudit> find(String id);

    /** The audits of an organization, optionally up to and including a fiscal year and of one department, oldest first. */
    List<StoredAudit> list(String organization, Integer upToFiscalYear, Integer fiscalYear, String department);

    /**
     * The departments with an audit recorded in each fiscal year from {@code fromYear} to
     * {@code toYear} (years without one left out), as stored: the registry's names. Empty when the
     * organization has no audit recorded in any year, which is not the same as none in these years.
     */
    Optional<Map<Integer, Set<String>>> departmentsAudited(String organization, int fromYear, int toYear);

    /** How recording a completion ended. */
    enum CompletionOutcome { RECORDED, ALREADY_RECORDED, NO_SUCH_FINDING, REASON_REQUIRED }

    /**
     * Adds a completion to the history of a finding's corrective action, as recorded now by
     * {@code completedBy} (a user name), with its {@code ACTION_COMPLETED} activity entry in the same
     * transaction. One that follows another is a correction and is refused without a reason; this is
     * decided in the same transaction as the write, so of two completions sent at once the second is
     * a correction. The same date sent again without a reason is a retry of the current completion (a
     * client that lost the first answer): nothing is added and no entry written, as for every outcome
     * but {@code RECORDED}.
     */
    CompletionOutcome complete(String auditId, String findingId, Completion completion, String completedBy);
}
