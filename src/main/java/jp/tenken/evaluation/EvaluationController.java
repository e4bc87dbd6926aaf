package jp.tenken.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jp.tenken.account.Caller;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.Requests;
import jp.tenken.engine.RuleBase;
import jp.tenken.plan.PlanService;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Evaluation reports over HTTP (CONTRACT §10): check against the latest stored version of the plan,
 * store as the next version, read back. Bodies are JSON or YAML, read strictly as plans are (same
 * 400s). What is done, and who may, is {@link EvaluationService}'s, which the page calls too.
 */
@Controller("/api/v1/evaluations")
class EvaluationController {

    private final EvaluationService evaluations;
    private final RuleBase ruleBase;

    EvaluationController(EvaluationService evaluations, RuleBase ruleBase) {
        this.evaluations = evaluations;
        this.ruleBase = ruleBase;
    }

    @BoundedWork
    @Post(value = "/check", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<EvaluationResponse> check(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        EvaluationService.Checked checked = evaluations.check(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(EvaluationResponse.of(checked.check(), ruleBase.messages(), Requests.language(request)));
    }

    /** Checks and stores the report as its next version; a refused one stores nothing. */
    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<EvaluationResponse>> store(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        StoredEvaluation stored = evaluations.store(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(HttpResponse.created(
                EvaluationResponse.stored(stored, ruleBase.messages(), Requests.language(request), false)));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<EvaluationSummary> list(Caller caller) {
        return evaluations.list(caller);
    }

    /** The latest version with its findings, traces and the document as stored. */
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    EvaluationResponse latest(HttpRequest<?> request, Caller caller, String id) {
        return EvaluationResponse.stored(evaluations.latest(caller, id), ruleBase.messages(), Requests.language(request), true);
    }

    @Get(value = "/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON)
    EvaluationResponse version(HttpRequest<?> request, Caller caller, String id, String version) {
        evaluations.requireReadable(caller, id);
        return EvaluationResponse.stored(evaluations.version(caller, id, PlanService.versionNumber("version", version)),
                ruleBase.messages(), Requests.language(request), true);
    }
}
