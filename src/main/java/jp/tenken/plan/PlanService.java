package jp.tenken.plan;

import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import jp.tenken.text.JapaneseDates;
import jp.tenken.waiver.WaiverApplier;

import java.util.List;
import java.util.Map;

/**
 * What the plan API and the plan editor's pages both do with plans, with the caller's permissions
 * asked in one place: check a document, store it as the next version, and read stored plans, their
 * versions, findings and the difference between two versions. A plan of another organization is
 * refused (403) before anything of it is read or said to exist. Plans are checked against the
 * organization's audit records (PLAN-AUDIT-COUNT-VS-RECORDS), which the command line has not.
 */
@Singleton
public class PlanService {

    private final DocumentReader reader;
    private final PlanChecker checker;
    private final PlanStore store;
    private final InitiativeLimit initiativeLimit;
    private final AuditRecords auditRecords;
    private final PlanWorkbookReader workbooks;
    private final WaiverApplier waivers;

    PlanService(DocumentReader reader, PlanChecker checker, PlanStore store, InitiativeLimit initiativeLimit,
                AuditRecords auditRecords, PlanWorkbookReader workbooks, WaiverApplier waivers) {
        this.waivers = waivers;
        this.workbooks = workbooks;
        this.reader = reader;
        this.checker = checker;
        this.store = store;
        this.initiativeLimit = initiativeLimit;
        this.auditRecords = auditRecords;
    }

    /** A document read and checked, nothing stored. */
    public record Checked(PlanDocument plan, PlanCheck check) {
    }

    /** Reads and checks a plan without storing it; the caller must be allowed to check plans of its organization. */
    public Checked check(Caller caller, byte[] body, DocumentFormat format) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanDocument plan = read(body, format);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        return new Checked(plan, waived(plan.organization(), checker.check(plan, auditRecords)));
    }

    /** Reads, checks and stores a plan as its next version, stored by the caller; a refused plan stores nothing. */
    public StoredPlan store(Caller caller, byte[] body, DocumentFormat format) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanDocument plan = read(body, format);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        return waived(plan.organization(), store.store(plan, body, format, checker.check(plan, auditRecords), caller.username()));
    }

    /** Reads and checks a plan workbook ({@link PlanSheets}) without storing it: as {@link #check}, problems named by cell. */
    public Checked checkWorkbook(Caller caller, byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanDocument plan = readWorkbook(body);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        return new Checked(plan, waived(plan.organization(), checker.check(plan)));
    }

    /** Reads, checks and stores a plan workbook as the plan's next version, as {@link #store}. */
    public StoredPlan storeWorkbook(Caller caller, byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanDocument plan = readWorkbook(body);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        return waived(plan.organization(), store.store(plan, PlanSource.workbook(body), checker.check(plan), caller.username()));
    }

    /** A stored version as the plan workbook: the document exactly as it was checked, in {@link PlanSheets}' layout. */
    public byte[] workbook(StoredPlan stored) {
        // Read as a document is read (exact decimals), but not limited as a request is: it was accepted once.
        PlanDocument plan;
        try {
            plan = reader.mapper(DocumentFormat.JSON).readValue(stored.documentJson(), PlanDocument.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored plan " + stored.planId() + " v" + stored.version() + " is not readable", e);
        }
        return PlanWorkbookWriter.export(plan);
    }

    /** The empty plan workbook with its instructions; anyone who may read the catalogue may have it. */
    public byte[] template(Caller caller) {
        caller.requireRole(Action.CATALOGUE_READ);
        return PlanWorkbookWriter.template();
    }

    /** The stored plans the caller may read, each with its latest version. */
    public List<PlanSummary> list(Caller caller) {
        caller.requireRole(Action.PLAN_READ);
        return store.list().stream().filter(p -> caller.may(Action.PLAN_READ, p.organization())).toList();
    }

    /** The organization of a stored plan the caller may read; 404 when there is no such plan. */
    public String organization(Caller caller, String id) {
        requireReadable(caller, id);
        return store.organizationOf(id).orElseThrow(() -> planNotFound(id));
    }

    public StoredPlan latest(Caller caller, String id) {
        requireReadable(caller, id);
        return waived(store.organizationOf(id).orElse(null), store.latest(id).orElseThrow(() -> planNotFound(id)));
    }

    public StoredPlan version(Caller caller, String id, int version) {
        requireReadable(caller, id);
        return waived(store.organizationOf(id).orElse(null), store.version(id, version).orElseThrow(() -> store.latest(id).isPresent()
                ? versionNotFound(id, version)
                : planNotFound(id)));
    }

    /** Every version of the plan, oldest first; 404 when the plan is unknown. */
    public List<PlanVersionSummary> versions(Caller caller, String id) {
        requireReadable(caller, id);
        List<PlanVersionSummary> versions = store.versions(id);
        if (versions.isEmpty()) {
            throw planNotFound(id);
        }
        return versions;
    }

    /** The findings added in version {@code to} and resolved since version {@code from}. */
    public PlanComparison compare(Caller caller, String id, int from, int to) {
        StoredPlan older = version(caller, id, from);
        StoredPlan newer = version(caller, id, to);
        return PlanComparison.of(older, newer);
    }

    /**
     * A version number given in a path or query parameter: ASCII digits, at least 1. Anything else
     * is a 400 naming the parameter ({@code from}, {@code to}, {@code version}).
     */
    public static int versionNumber(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw DocumentRejectedException.malformed(Problem.of(parameter, "query.required"));
        }
        String text = value.trim();
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
            throw DocumentRejectedException.malformed(Problem.of(parameter, "query.version"));
        }
        return Integer.parseInt(text);
    }

    /**
     * Refuses unless the caller may read plans, and those of the plan's organization when it exists:
     * asked before a request's parameters are read, so that another organization's plan is a 403
     * whatever they are.
     */
    public void requireReadable(Caller caller, String id) {
        caller.requireRole(Action.PLAN_READ);
        store.organizationOf(id).ifPresent(organization -> caller.require(Action.PLAN_READ, organization));
    }

    /**
     * The findings of a plan as answered: marked by the waivers that hold today, read with the plan's
     * id (CONTRACT §12). Stored findings stay as the rules gave them.
     */
    private PlanCheck waived(String organization, PlanCheck check) {
        return new PlanCheck(check.planId(), check.rulesVersion(), waivers.apply(organization, JapaneseDates.today(),
                WaiverApplier.plan(check.planId()), check.findings()));
    }

    private StoredPlan waived(String organization, StoredPlan stored) {
        return new StoredPlan(stored.planId(), stored.version(), stored.storedAt(), stored.storedBy(), stored.rulesVersion(),
                stored.documentJson(), waivers.apply(organization, JapaneseDates.today(), WaiverApplier.plan(stored.planId()),
                stored.findings()));
    }

    private PlanDocument read(byte[] body, DocumentFormat format) {
        PlanDocument plan = reader.read(body, format, PlanDocument.class);
        initiativeLimit.require(plan);
        return plan;
    }

    private PlanDocument readWorkbook(byte[] body) {
        PlanWorkbookReader.Read read = workbooks.read(body);
        try {
            initiativeLimit.require(read.plan());
        } catch (DocumentRejectedException e) {
            throw read.renamed(e);
        }
        return read.plan();
    }

    private static NotFoundException planNotFound(String id) {
        return new NotFoundException("plan.not-found", Map.of("id", id));
    }

    private static NotFoundException versionNotFound(String id, int version) {
        return new NotFoundException("plan.version.not-found", Map.of("id", id, "version", String.valueOf(version)));
    }
}
