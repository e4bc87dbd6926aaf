package jp.tenken.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.Attachment;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.ExportFormat;
import jp.tenken.api.Requests;
import jp.tenken.engine.RuleBase;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans over HTTP (CONTRACT §2): check without storing, store a new version, read versions back,
 * list a plan's versions and compare two of them. Bodies are JSON or YAML; every POST consumes any
 * type so that an unsupported one gets Tenken's 415 answer rather than a routing error. The two
 * POSTs answer futures so that {@link BoundedWork} can move a large document off the thread that
 * received it. What is done, and who may, is {@link PlanService}'s, which the pages call too.
 */
@Controller("/api/v1/plans")
class PlanController {

    private final PlanService plans;
    private final RuleBase ruleBase;

    PlanController(PlanService plans, RuleBase ruleBase) {
        this.plans = plans;
        this.ruleBase = ruleBase;
    }

    @BoundedWork
    @Post(value = "/check", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<PlanCheckResponse> check(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        PlanService.Checked checked = plans.check(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(PlanCheckResponse.of(checked.check(), ruleBase.messages(), Requests.language(request)));
    }

    /** Checks and stores the plan as its next version; a refused plan stores nothing. */
    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<PlanCheckResponse>> store(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        StoredPlan stored = plans.store(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(
                HttpResponse.created(PlanCheckResponse.of(stored, ruleBase.messages(), Requests.language(request))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<PlanSummary> list(Caller caller) {
        return plans.list(caller);
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    PlanVersionResponse latest(Caller caller, String id) {
        return PlanVersionResponse.of(plans.latest(caller, id));
    }

    /** Every stored version of the plan, oldest first, with who stored it, when, and its counts of findings. */
    @Get(value = "/{id}/versions", produces = MediaType.APPLICATION_JSON)
    List<PlanVersionSummary> versions(Caller caller, String id) {
        return plans.versions(caller, id);
    }

    @Get(value = "/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON)
    PlanVersionResponse version(Caller caller, String id, int version) {
        return PlanVersionResponse.of(plans.version(caller, id, version));
    }

    /** The findings of one version, in the shape of …/findings; {@code format=xlsx} a workbook of them. */
    @Get(value = "/{id}/versions/{version}/findings", produces = {MediaType.APPLICATION_JSON, ExportFormat.XLSX_MEDIA_TYPE})
    HttpResponse<?> versionFindings(HttpRequest<?> request, Caller caller, String id, String version,
                                    @Nullable @QueryValue String format) {
        ExportFormat wanted = ExportFormat.of(request, format, ExportFormat.JSON, ExportFormat.XLSX);
        plans.requireReadable(caller, id);
        StoredPlan stored = plans.version(caller, id, PlanService.versionNumber("version", version));
        return findings(request, caller, stored, wanted);
    }

    /** The findings of the latest version; {@code format=xlsx} (CONTRACT §9) a workbook of them. */
    @Get(value = "/{id}/findings", produces = {MediaType.APPLICATION_JSON, ExportFormat.XLSX_MEDIA_TYPE})
    HttpResponse<?> findings(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue String format) {
        ExportFormat wanted = ExportFormat.of(request, format, ExportFormat.JSON, ExportFormat.XLSX);
        return findings(request, caller, plans.latest(caller, id), wanted);
    }

    private HttpResponse<?> findings(HttpRequest<?> request, Caller caller, StoredPlan stored, ExportFormat wanted) {
        if (wanted == ExportFormat.JSON) {
            return HttpResponse.ok(PlanCheckResponse.of(stored, ruleBase.messages(), Requests.language(request)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        String title = plans.versions(caller, stored.planId()).stream().filter(v -> v.version() == stored.version())
                .map(PlanVersionSummary::title).findFirst().orElse(stored.planId());
        return Attachment.of(PlanFindingsXlsx.write(stored, title, ruleBase), wanted,
                "findings-" + stored.planId() + "-v" + stored.version(), "指摘_" + title + "_第" + stored.version() + "版");
    }

    /** The findings added in version {@code to} and resolved since version {@code from}, by rule id and target. */
    @Get(value = "/{id}/compare", produces = MediaType.APPLICATION_JSON)
    PlanComparisonResponse compare(HttpRequest<?> request, Caller caller, String id,
                                   @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        plans.requireReadable(caller, id);
        int older = PlanService.versionNumber("from", from);
        int newer = PlanService.versionNumber("to", to);
        return PlanComparisonResponse.of(plans.compare(caller, id, older, newer), ruleBase.messages(), Requests.language(request));
    }
}
