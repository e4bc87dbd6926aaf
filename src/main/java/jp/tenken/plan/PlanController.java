package jp.tenken.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.NotFoundException;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * Plans over HTTP (CONTRACT §2): check without storing, store a new version, read versions back.
 * Bodies are JSON or YAML; every POST consumes any type so that an unsupported one gets Tenken's
 * 415 answer rather than a routing error. The two POSTs answer futures so that {@link BoundedWork}
 * can move a large document off the thread that received it.
 */
@Controller("/api/v1/plans")
class PlanController {

    private final DocumentReader reader;
    private final PlanChecker checker;
    private final PlanStore store;
    private final RuleBase ruleBase;
    private final InitiativeLimit initiativeLimit;

    PlanController(DocumentReader reader, PlanChecker checker, PlanStore store, RuleBase ruleBase,
                   InitiativeLimit initiativeLimit) {
        this.initiativeLimit = initiativeLimit;
        this.reader = reader;
        this.checker = checker;
        this.store = store;
        this.ruleBase = ruleBase;
    }

    @BoundedWork
    @Post(value = "/check", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<PlanCheckResponse> check(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanDocument plan = read(request, body);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        return CompletableFuture.completedFuture(PlanCheckResponse.of(checker.check(plan), ruleBase.messages(), Requests.language(request)));
    }

    /** Checks and stores the plan as its next version; a refused plan stores nothing. */
    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<PlanCheckResponse>> store(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        DocumentFormat format = Requests.format(request);
        PlanDocument plan = read(request, body);
        caller.require(Action.PLAN_CHECK_STORE, plan.organization());
        PlanCheck check = checker.check(plan);
        StoredPlan stored = store.store(plan, body, format, check, caller.username());
        return CompletableFuture.completedFuture(
                HttpResponse.created(PlanCheckResponse.of(stored, ruleBase.messages(), Requests.language(request))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<PlanSummary> list(Caller caller) {
        caller.requireRole(Action.PLAN_READ);
        return store.list().stream().filter(p -> caller.may(Action.PLAN_READ, p.organization())).toList();
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    PlanVersionResponse latest(Caller caller, String id) {
        requireReadable(caller, id);
        return PlanVersionResponse.of(store.latest(id).orElseThrow(() -> planNotFound(id)));
    }

    @Get(value = "/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON)
    PlanVersionResponse version(Caller caller, String id, int version) {
        requireReadable(caller, id);
        return PlanVersionResponse.of(store.version(id, version).orElseThrow(() -> store.latest(id).isPresent()
                ? new NotFoundException("plan.version.not-found", Map.of("id", id, "version", String.valueOf(version)))
                : planNotFound(id)));
    }

    @Get(value = "/{id}/findings", produces = MediaType.APPLICATION_JSON)
    PlanCheckResponse findings(HttpRequest<?> request, Caller caller, String id) {
        requireReadable(caller, id);
        StoredPlan stored = store.latest(id).orElseThrow(() -> planNotFound(id));
        return PlanCheckResponse.of(stored, ruleBase.messages(), Requests.language(request));
    }

    /** Refuses unless the caller may read plans, and those of the plan's organization when it exists. */
    private void requireReadable(Caller caller, String id) {
        caller.requireRole(Action.PLAN_READ);
        store.organizationOf(id).ifPresent(organization -> caller.require(Action.PLAN_READ, organization));
    }

    private PlanDocument read(HttpRequest<?> request, byte[] body) {
        PlanDocument plan = reader.read(body, Requests.format(request), PlanDocument.class);
        initiativeLimit.require(plan);
        return plan;
    }

    private static NotFoundException planNotFound(String id) {
        return new NotFoundException("plan.not-found", Map.of("id", id));
    }
}
