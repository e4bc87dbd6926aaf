package jp.tenken.audit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.account.Reach;
import jp.tenken.api.FindingView;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.organization.Department;
import jp.tenken.organization.DepartmentDirectory;
import jp.tenken.organization.OrganizationRegistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tenken.waiver.WaiverApplier;

/** Audits: record them, follow their corrective actions, and report the coverage of a year. */
@Singleton
public class AuditService {

    private final AuditChecker checker;
    private final AuditStore store;
    private final OrganizationRegistry organizations;
    private final RuleBase ruleBase;
    private final int rotationYears;
    private final WaiverApplier waivers;
    private final RecordedAuditCounts auditCounts;

    public AuditService(AuditChecker checker, AuditStore store, OrganizationRegistry organizations, RuleBase ruleBase,
                        @Value("${tenken.audit.rotation-years:3}") int rotationYears, WaiverApplier waivers,
                        RecordedAuditCounts auditCounts) {
        this.waivers = waivers;
        this.auditCounts = auditCounts;
        this.checker = checker;
        this.store = store;
        this.organizations = organizations;
        this.ruleBase = ruleBase;
        this.rotationYears = rotationYears;
    }

    public AuditResponse record(Caller caller, AuditRecord record, LocalDate asOf, Language language) {
        caller.require(Action.AUDIT_WRITE, record.organization(), unitName(record.organization(), record.department()));
        StoredAudit stored = store.store(checker.validate(record), caller.username());
        auditCounts.recorded(record.organization());
        return respond(stored, asOf, language);
    }

    public AuditResponse find(Caller caller, String id, LocalDate asOf, Language language) {
        StoredAudit audit = store.find(id).orElseThrow(() -> notFound(id));
        requireOn(caller, Action.AUDIT_READ, audit);
        return respond(audit, asOf, language);
    }

    public List<AuditResponse> list(Caller caller, String organization, Integer fiscalYear, String department, LocalDate asOf,
                                    Language language) {
        Reach reach = caller.requireReach(Action.AUDIT_READ, organization);
        DepartmentDirectory directory = directory(organization);
        String unit = department == null ? null : directory.resolve(department).map(Department::name).orElse(department);
        if (unit != null) {
            caller.require(Action.AUDIT_READ, organization, unit);
        }
        WaiverApplier.Holding holding = waivers.holding(organization, asOf); // read once for the whole list
        return store.list(organization, null, fiscalYear, unit).stream()
                .filter(a -> reach.includes(unitName(organization, a.record().department())))
                .map(a -> respond(a, asOf, language, holding)).toList();
    }

    /**
     * Records a completion of a finding's corrective action, kept beside any recorded before (a
     * correction must give a reason), and answers the audit as it now stands.
     */
    public AuditResponse complete(Caller caller, String auditId, String findingId, Completion completion, LocalDate asOf,
                                  Language language) {
        StoredAudit audit = store.find(auditId).orElseThrow(() -> notFound(auditId));
        requireOn(caller, Action.AUDIT_WRITE, audit);
        AuditFinding finding = audit.record().findings().stream().filter(f -> f.id().equals(findingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("audit.finding.not-found", Map.of("id", auditId, "findingId", findingId)));
        if (finding.correctiveAction() == null) {
            throw DocumentRejectedException.unprocessable(Problem.of("", "audit.finding.no-action", "findingId", findingId));
        }
        Problem problem = AuditDates.completionProblem("completedOn", completion.completedOn(), audit.record().auditedOn(),
                jp.tenken.text.JapaneseDates.today());
        if (problem != null) {
            throw DocumentRejectedException.malformed(problem);
        }
        switch (store.complete(auditId, findingId, completion, caller.username())) {
            case NO_SUCH_FINDING -> throw new NotFoundException("audit.finding.not-found", Map.of("id", auditId, "findingId", findingId));
            case REASON_REQUIRED -> throw DocumentRejectedException.malformed(Problem.of("reason", "audit.completion.reason-required"));
            case RECORDED, ALREADY_RECORDED -> { }
        }
        return respond(store.find(auditId).orElseThrow(() -> notFound(auditId)), asOf, language);
    }

    /**
     * Coverage and rotation of a fiscal year. A caller who may see only some departments (an
     * officer) gets their lines only: the departments audited and not audited, and the findings.
     */
    public CoverageReport coverage(Caller caller, String organization, int fiscalYear, LocalDate asOf, Language language) {
        Reach reach = caller.requireReach(Action.COMPLIANCE_READ, organization);
        CoverageReport whole = coverage(organization, fiscalYear, asOf, language);
        if (reach.wholeOrganization()) {
            return whole;
        }
        List<String> audited = whole.audited().stream().filter(reach::includes).toList();
        List<FindingView> findings = whole.findings().stream()
                .filter(f -> f.target() != null && reach.includes(f.target().department())).toList();
        int previousYear = (int) store.list(organization, fiscalYear, null, null).stream()
                .filter(a -> a.record().fiscalYear() == fiscalYear - 1)
                .map(a -> unitName(organization, a.record().department())).filter(reach::includes).distinct().count();
        return new CoverageReport(organization, fiscalYear, whole.rotationYears(), asOf, audited.size(), previousYear,
                audited, whole.notAuditedWithinCycle().stream().filter(reach::includes).toList(), findings);
    }

    private CoverageReport coverage(String organization, int fiscalYear, LocalDate asOf, Language language) {
        DepartmentDirectory directory = directory(organization);
        List<String> units = directory.units().stream().map(Department::name).toList();
        List<CoverageInput.Audited> audited = store.list(organization, fiscalYear, null, null).stream()
                .map(a -> new CoverageInput.Audited(a.record().department(), a.record().fiscalYear())).distinct().toList();
        // The coverage report belongs to no department: its findings are read with their own targets.
        List<Finding> findings = waivers.apply(organization, asOf, Map.of(),
                checker.coverage(new CoverageInput(fiscalYear, rotationYears, units, audited)));
        Set<String> thisYear = departmentsIn(audited, fiscalYear);
        Set<String> withinCycle = new TreeSet<>();
        audited.stream().filter(a -> a.fiscalYear() > fiscalYear - rotationYears).forEach(a -> withinCycle.add(a.department()));
        List<String> notAudited = units.stream().filter(u -> !withinCycle.contains(u)).toList();
        return new CoverageReport(organization, fiscalYear, rotationYears, asOf, thisYear.size(),
                departmentsIn(audited, fiscalYear - 1).size(), inRegistryOrder(units, thisYear), notAudited,
                jp.tenken.api.FindingView.of(findings, ruleBase.messages(), language));
    }

    /**
     * What compliance needs of the audits up to a fiscal year: findings as of a date, per department.
     * The findings (which decide the status) and the open actions (which are counted) are both taken
     * from the audits held by the as-of date, so a line never shows an overdue action it does not count.
     */
    public AuditStanding standing(String organization, int fiscalYear, LocalDate asOf) {
        List<StoredAudit> audits = store.list(organization, fiscalYear, null, null);
        List<StoredAudit> held = audits.stream().filter(a -> !a.record().auditedOn().isAfter(asOf)).toList();
        Map<String, AuditRecord> byId = new LinkedHashMap<>();
        held.forEach(a -> byId.put(a.id(), a.record()));
        return new AuditStanding(audits, held, checker.check(byId, asOf), asOf);
    }

    private AuditResponse respond(StoredAudit audit, LocalDate asOf, Language language) {
        return respond(audit, asOf, language, waivers.holding(audit.record().organization(), asOf));
    }

    /** The audit as answered: its rule findings as of the date, marked by the waivers that hold then (CONTRACT §12). */
    private AuditResponse respond(StoredAudit audit, LocalDate asOf, Language language, WaiverApplier.Holding holding) {
        String organization = audit.record().organization();
        List<Finding> findings = holding.apply(WaiverApplier.department(unitName(organization, audit.record().department())),
                checker.check(Map.of(audit.id(), audit.record()), asOf));
        return AuditResponse.of(audit, findings, asOf, ruleBase.messages(), language);
    }

    private DepartmentDirectory directory(String organization) {
        return organizations.directory(organization)
                .orElseThrow(() -> new NotFoundException("organization.unknown", Map.of("id", organization == null ? "" : organization)));
    }

    private static Set<String> departmentsIn(List<CoverageInput.Audited> audited, int fiscalYear) {
        Set<String> departments = new TreeSet<>();
        audited.stream().filter(a -> a.fiscalYear() == fiscalYear).forEach(a -> departments.add(a.department()));
        return departments;
    }

    private static List<String> inRegistryOrder(List<String> units, Set<String> departments) {
        List<String> ordered = new ArrayList<>(units.stream().filter(departments::contains).toList());
        departments.stream().filter(d -> !units.contains(d)).forEach(ordered::add);
        return ordered;
    }

    private void requireOn(Caller caller, Action action, StoredAudit audit) {
        String organization = audit.record().organization();
        caller.require(action, organization, unitName(organization, audit.record().department()));
    }

    /** The registry's name of a department (an audit may name it by an alias); as given when unknown. */
    private String unitName(String organization, String department) {
        if (organization == null || department == null) {
            return department;
        }
        return organizations.directory(organization).flatMap(d -> d.resolve(department)).map(Department::name).orElse(department);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("audit.not-found", Map.of("id", id));
    }
}
