package jp.tenken.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.RuleBase;
import jp.tenken.spreadsheet.Xlsx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans over HTTP (CONTRACT §2): check without storing, store a new version, read versions back,
 * list a plan's versions and compare two of them. Bodies are JSON, YAML or the plan workbook
 * ({@link PlanSheets}, CONTRACT §9), and a stored version is also given as a workbook; every POST consumes any
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
        PlanService.Checked checked = workbook(request) ? plans.checkWorkbook(caller, body)
                : plans.check(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(PlanCheckResponse.of(checked.check(), ruleBase.messages(), Requests.language(request)));
    }

    /** Checks and stores the plan as its next version; a refused plan stores nothing. */
    @BoundedWork
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<PlanCheckResponse>> store(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        StoredPlan stored = workbook(request) ? plans.storeWorkbook(caller, body)
                : plans.store(caller, body, Requests.format(request));
        return CompletableFuture.completedFuture(
                HttpResponse.created(PlanCheckResponse.of(stored, ruleBase.messages(), Requests.language(request))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<PlanSummary> list(Caller caller) {
        return plans.list(caller);
    }

    /**
     * The latest version, or version {@code n} with {@code ?version=n}; with {@code ?format=xlsx} (or
     * only the workbook's type in {@code Accept}) as the plan workbook instead of JSON.
     */
    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    HttpResponse<?> latest(HttpRequest<?> request, Caller caller, String id, @Nullable @QueryValue String version,
                           @Nullable @QueryValue String format) {
        plans.requireReadable(caller, id);
        boolean xlsx = wantsXlsx(request, format);
        StoredPlan stored = version == null ? plans.latest(caller, id)
                : plans.version(caller, id, PlanService.versionNumber("version", version));
        return xlsx ? workbook(stored) : HttpResponse.ok(PlanVersionResponse.of(stored));
    }

    /** Every stored version of the plan, oldest first, with who stored it, when, and its counts of findings. */
    @Get(value = "/{id}/versions", produces = MediaType.APPLICATION_JSON)
    List<PlanVersionSummary> versions(Caller caller, String id) {
        return plans.versions(caller, id);
    }

    /** One version; with {@code ?format=xlsx} as the plan workbook. */
    @Get(value = "/{id}/versions/{version}", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    HttpResponse<?> version(HttpRequest<?> request, Caller caller, String id, int version, @Nullable @QueryValue String format) {
        plans.requireReadable(caller, id);
        boolean xlsx = wantsXlsx(request, format);
        StoredPlan stored = plans.version(caller, id, version);
        return xlsx ? workbook(stored) : HttpResponse.ok(PlanVersionResponse.of(stored));
    }

    /** The workbook of a stored version, named after the plan and version. */
    private HttpResponse<byte[]> workbook(StoredPlan stored) {
        String filename = stored.planId() + "-v" + stored.version() + ".xlsx";
        return HttpResponse.ok(plans.workbook(stored)).contentType(Xlsx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-v" + stored.version()
                        + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** {@code format=xlsx}, or an {@code Accept} naming the workbook's type and not JSON; any other format is a 400. */
    private static boolean wantsXlsx(HttpRequest<?> request, String format) {
        if (format != null && !format.isBlank()) {
            String wanted = format.trim();
            if (!wanted.equalsIgnoreCase("xlsx") && !wanted.equalsIgnoreCase("json")) {
                throw DocumentRejectedException.malformed(Problem.of("format", "document.enum", "allowed", "json, xlsx"));
            }
            return wanted.equalsIgnoreCase("xlsx");
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(Xlsx.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    /** Whether the body is a plan workbook rather than a JSON or YAML document. */
    private static boolean workbook(HttpRequest<?> request) {
        return Xlsx.isXlsx(request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
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
