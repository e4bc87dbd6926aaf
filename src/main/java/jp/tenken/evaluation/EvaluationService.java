package jp.tenken.evaluation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.organization.OrganizationRegistry;
import jp.tenken.plan.PlanDocument;
import jp.tenken.plan.PlanStore;
import jp.tenken.plan.StoredPlan;
import jp.tenken.storage.StorageJson;

import jp.tenken.text.JapaneseDates;
import jp.tenken.waiver.WaiverApplier;

import java.util.List;
import java.util.Map;

/**
 * What the evaluation API and the plan editor's evaluation page both do, with the caller's
 * permissions asked in one place: check a report against the latest stored version of its plan,
 * store it as the next version, read stored ones. The plan must be stored in the report's own
 * organization (else 422 naming {@code planId}); another organization's evaluation is a 403 before
 * anything of it is read.
 */
@Singleton
public class EvaluationService {

    private final DocumentReader reader;
    private final OrganizationRegistry registry;
    private final PlanStore plans;
    private final EvaluationChecker checker;
    private final EvaluationStore store;
    private final int maxResults;
    private final WaiverApplier waivers;

    EvaluationService(DocumentReader reader, OrganizationRegistry registry, PlanStore plans, EvaluationChecker checker,
                      EvaluationStore store, @Value("${tenken.limits.max-results:5000}") int maxResults, WaiverApplier waivers) {
        this.waivers = waivers;
        this.reader = reader;
        this.registry = registry;
        this.plans = plans;
        this.checker = checker;
        this.store = store;
        this.maxResults = maxResults;
    }

    /** A report read and checked, with the document as read and the plan version it was traced against. */
    public record Checked(EvaluationDocument evaluation, PlanDocument plan, EvaluationCheck check) {
    }

    /** Reads and checks a report without storing it. */
    public Checked check(Caller caller, byte[] body, DocumentFormat format) {
        EvaluationDocument evaluation = readAllowed(caller, body, format);
        StoredPlan plan = latestPlan(evaluation);
        PlanDocument document = StorageJson.read(plan.documentJson(), PlanDocument.class);
        return new Checked(evaluation, document, waived(evaluation.organization(), checker.check(evaluation, document, plan.version())));
    }

    /** Reads, checks and stores a report as its next version, stored by the caller; a refused one stores nothing. */
    public StoredEvaluation store(Caller caller, byte[] body, DocumentFormat format) {
        EvaluationDocument evaluation = readAllowed(caller, body, format);
        StoredPlan plan = latestPlan(evaluation);
        EvaluationCheck check = checker.check(evaluation, StorageJson.read(plan.documentJson(), PlanDocument.class), plan.version());
        return waived(store.store(evaluation, body, format, check, caller.username()));
    }

    /** The stored evaluations the caller may read, each with its latest version. */
    public List<EvaluationSummary> list(Caller caller) {
        caller.requireRole(Action.EVALUATION_READ);
        return store.list().stream().filter(e -> caller.may(Action.EVALUATION_READ, e.organization())).toList();
    }

    public StoredEvaluation latest(Caller caller, String id) {
        requireReadable(caller, id);
        return waived(store.latest(id).orElseThrow(() -> notFound(id)));
    }

    public StoredEvaluation version(Caller caller, String id, int version) {
        requireReadable(caller, id);
        return waived(store.version(id, version).orElseThrow(() -> store.latest(id).isPresent()
                ? new NotFoundException("evaluation.version.not-found", Map.of("id", id, "version", String.valueOf(version)))
                : notFound(id)));
    }

    /** Refuses unless the caller may read evaluations, and those of the evaluation's organization when it exists. */
    public void requireReadable(Caller caller, String id) {
        caller.requireRole(Action.EVALUATION_READ);
        store.organizationOf(id).ifPresent(organization -> caller.require(Action.EVALUATION_READ, organization));
    }

    /** The findings as answered: marked by the waivers that hold today, read with the plan's and the evaluation's ids (CONTRACT §12). */
    private EvaluationCheck waived(String organization, EvaluationCheck check) {
        return new EvaluationCheck(check.evaluationId(), check.planId(), check.planVersion(), check.rulesVersion(),
                waivers.apply(organization, JapaneseDates.today(), WaiverApplier.evaluation(check.planId(), check.evaluationId()),
                        check.findings()), check.traces());
    }

    private StoredEvaluation waived(StoredEvaluation stored) {
        return new StoredEvaluation(stored.evaluationId(), stored.version(), stored.storedAt(), stored.storedBy(),
                stored.organization(), stored.fiscalYear(), stored.planId(), stored.planVersion(), stored.rulesVersion(),
                stored.documentJson(), waived(stored.organization(), stored.check()).findings(), stored.traces());
    }

    private EvaluationDocument readAllowed(Caller caller, byte[] body, DocumentFormat format) {
        caller.requireRole(Action.EVALUATION_WRITE);
        EvaluationDocument evaluation = reader.read(body, format, EvaluationDocument.class);
        if (evaluation.resultCount() > maxResults) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid",
                    List.of(Problem.of("fields", "evaluation.limit.results",
                            "max", String.valueOf(maxResults), "count", String.valueOf(evaluation.resultCount()))));
        }
        caller.require(Action.EVALUATION_WRITE, evaluation.organization());
        return evaluation;
    }

    /** The latest stored version of the report's plan in the report's organization; 422 naming planId when there is none. */
    private StoredPlan latestPlan(EvaluationDocument evaluation) {
        registry.requireDirectory(evaluation.organization());
        boolean ours = plans.organizationOf(evaluation.planId()).map(evaluation.organization()::equals).orElse(false);
        StoredPlan stored = ours ? plans.latest(evaluation.planId()).orElse(null) : null;
        if (stored == null) {
            throw DocumentRejectedException.unprocessable(Problem.of("planId", "evaluation.plan.unknown",
                    "planId", evaluation.planId(), "organization", evaluation.organization()));
        }
        return stored;
    }

    /**
     * The plan version a stored evaluation was traced against, for showing its initiatives beside the
     * traces; asked only after the evaluation itself was found readable. Empty if it is gone.
     */
    public java.util.Optional<PlanDocument> planOf(Caller caller, StoredEvaluation evaluation) {
        requireReadable(caller, evaluation.evaluationId());
        return plans.version(evaluation.planId(), evaluation.planVersion())
                .map(p -> StorageJson.read(p.documentJson(), PlanDocument.class));
    }

    /** The stored report as read, from its version's JSON. */
    public static EvaluationDocument document(StoredEvaluation evaluation) {
        return StorageJson.read(evaluation.documentJson(), EvaluationDocument.class);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("evaluation.not-found", Map.of("id", id));
    }
}
