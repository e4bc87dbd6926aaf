package jp.tenken.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stored audits; H2 and PostgreSQL behind one implementation. */
public interface AuditStore {

    /** Stores a new audit record under a new id. */
    StoredAudit store(AuditRecord record);

    /** An audit by id, with the completions recorded so far. */
    Optional<StoredAudit> find(String id);

    /** The audits of an organization, optionally up to and including a fiscal year and of one department, oldest first. */
    List<StoredAudit> list(String organization, Integer upToFiscalYear, Integer fiscalYear, String department);

    /** Records that a finding's corrective action was completed; false when there is no such finding. */
    boolean complete(String auditId, String findingId, LocalDate completedOn);
}
