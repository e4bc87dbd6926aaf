package jp.tenken.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.api.BoundedWork;
import jp.tenken.api.NotFoundException;
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.UploadedFiles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The plan editor's pages (CONTRACT §8): the stored plans with an upload form for a JSON, YAML or
 * Excel (the plan workbook) file (検査する: check only; 保存する: store as the next version) and the
 * empty workbook to download, the findings of a check or of a stored version as a
 * table filtered by severity, rule and initiative and paged, a plan's versions, and what changed
 * between two versions. Everything goes through {@link PlanService}, as the API does, so reading,
 * checks and permissions are the API's.
 */
@Controller
class PlanPages {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The most findings of each list a comparison page shows. */
    static final int COMPARISON_ROWS = 1000;

    private final Layout layout;
    private final PlanService plans;
    private final CheckedPlans checks;
    private final RuleBase ruleBase;

    PlanPages(Layout layout, PlanService plans, CheckedPlans checks, RuleBase ruleBase) {
        this.layout = layout;
        this.plans = plans;
        this.checks = checks;
        this.ruleBase = ruleBase;
    }

    /** The stored plans the caller may read, and the upload form for who may check and store. */
    @Get(value = "/plans", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller) {
        return new ModelAndView<>("plan/list", listModel(caller, List.of(), null));
    }

    /**
     * An uploaded plan file: {@code intent=check} checks it and shows its findings (kept a while by
     * {@link CheckedPlans}, nothing stored); {@code intent=store} stores it as the plan's next version
     * and shows that version. A file that cannot be read is the list page again with what is wrong (400).
     */
    @BoundedWork
    @Post(value = "/plans", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    CompletableFuture<HttpResponse<?>> upload(Caller caller, @Nullable @Part("file") CompletedFileUpload file,
                                             @Nullable @Part("intent") String intent) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        boolean store = "store".equals(intent);
        String fileName = UploadedFiles.name(file);
        try {
            byte[] body = UploadedFiles.bytes(file, "plan.file.required");
            boolean workbook = UploadedFiles.isWorkbook(fileName);
            DocumentFormat format = workbook ? null : UploadedFiles.format(fileName);
            if (store) {
                StoredPlan stored = workbook ? plans.storeWorkbook(caller, body) : plans.store(caller, body, format);
                return done(HttpResponse.seeOther(URI.create(versionPath(stored.planId(), stored.version()) + "?stored")));
            }
            PlanService.Checked checked = workbook ? plans.checkWorkbook(caller, body) : plans.check(caller, body, format);
            CheckedPlans.Result result = checks.keep(caller.username(), fileName, checked);
            return done(HttpResponse.seeOther(URI.create("/plan-checks/" + result.token())));
        } catch (DocumentRejectedException e) {
            List<String> errors = e.problems().stream()
                    .map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message(Language.JA)).toList();
            return done(HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("plan/list",
                    listModel(caller, errors, fileName))));
        } catch (PlanOfAnotherOrganizationException e) {
            String message = e.message(Language.JA);
            return done(HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("plan/list",
                    listModel(caller, List.of(message), fileName))));
        }
    }

    /** The findings of a check (not stored), filtered and paged as a stored version's are. */
    @Get(value = "/plan-checks/{token}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> checked(Caller caller, String token, @Nullable @QueryValue String severity,
                                              @Nullable @QueryValue String rule, @Nullable @QueryValue String initiative,
                                              @Nullable @QueryValue String page) {
        caller.requireRole(Action.PLAN_CHECK_STORE);
        CheckedPlans.Result result = checks.find(caller.username(), token)
                .orElseThrow(() -> new NotFoundException("plan.check.not-found", Map.of()));
        FindingsTable.Filter filter = FindingsTable.Filter.of(severity, rule, initiative, page);
        Map<String, Object> model = layout.model(caller, "検査結果 " + result.plan().title());
        model.put("stored", false);
        model.put("planId", result.plan().id());
        model.put("planTitle", result.plan().title());
        model.put("fileName", result.fileName());
        model.put("when", dateTime(result.checkedAt()));
        model.put("rulesVersion", result.check().rulesVersion());
        model.put("table", FindingsTable.model(result.check().findings(), filter, "/plan-checks/" + token, ruleBase));
        return new ModelAndView<>("plan/findings", model);
    }

    /** A plan's versions, with links to each one's findings and the form comparing two. */
    @Get(value = "/plans/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> versions(Caller caller, String id) {
        List<PlanVersionSummary> versions = plans.versions(caller, id);
        String title = versions.get(versions.size() - 1).title();
        Map<String, Object> model = layout.model(caller, title);
        model.put("planId", id);
        model.put("planTitle", title);
        model.put("organization", layout.organizationName(plans.organization(caller, id)));
        model.put("comparePath", planPath(id) + "/compare");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanVersionSummary v : versions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("storedBy", v.storedBy() == null ? "—" : v.storedBy());
            row.put("storedAt", dateTime(v.storedAt()));
            row.put("errors", v.summary().errors());
            row.put("warnings", v.summary().warnings());
            row.put("infos", v.summary().infos());
            row.put("href", versionPath(id, v.version()));
            row.put("xlsxHref", "/api/v1" + versionPath(id, v.version()) + "?format=xlsx");
            row.put("compareHref", v.version() > 1 ? planPath(id) + "/compare?from=" + (v.version() - 1) + "&to=" + v.version() : null);
            rows.add(0, row); // newest first
        }
        model.put("versions", rows);
        int last = versions.get(versions.size() - 1).version();
        model.put("defaultFrom", Math.max(1, last - 1));
        model.put("defaultTo", last);
        model.put("numbers", versions.stream().map(PlanVersionSummary::version).sorted(Comparator.reverseOrder()).toList());
        return new ModelAndView<>("plan/versions", model);
    }

    /** The findings of one stored version, filtered and paged. */
    @Get(value = "/plans/{id}/versions/{version}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> version(Caller caller, String id, String version, @Nullable @QueryValue String severity,
                                              @Nullable @QueryValue String rule, @Nullable @QueryValue String initiative,
                                              @Nullable @QueryValue String page, @Nullable @QueryValue String stored) {
        plans.requireReadable(caller, id);
        int number = PlanService.versionNumber("version", version);
        FindingsTable.Filter filter = FindingsTable.Filter.of(severity, rule, initiative, page);
        StoredPlan plan = plans.version(caller, id, number);
        String title = title(plans.versions(caller, id), number);
        Map<String, Object> model = layout.model(caller, title + " 第" + number + "版");
        model.put("stored", true);
        model.put("notice", stored != null ? "第" + number + "版として保存しました。" : null);
        model.put("planId", id);
        model.put("planTitle", title);
        model.put("version", number);
        model.put("storedBy", plan.storedBy() == null ? "—" : plan.storedBy());
        model.put("when", dateTime(plan.storedAt()));
        model.put("rulesVersion", plan.rulesVersion());
        model.put("planHref", planPath(id));
        model.put("compareHref", number > 1 ? planPath(id) + "/compare?from=" + (number - 1) + "&to=" + number : null);
        model.put("xlsxHref", "/api/v1" + versionPath(id, number) + "/findings?format=xlsx");
        model.put("table", FindingsTable.model(plan.findings(), filter, versionPath(id, number), ruleBase));
        return new ModelAndView<>("plan/findings", model);
    }

    /** What changed between two versions: findings added and resolved, by rule and target. */
    @Get(value = "/plans/{id}/compare", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> compare(Caller caller, String id, @Nullable @QueryValue String from,
                                              @Nullable @QueryValue String to) {
        plans.requireReadable(caller, id);
        int older = PlanService.versionNumber("from", from);
        int newer = PlanService.versionNumber("to", to);
        PlanComparison comparison = plans.compare(caller, id, older, newer);
        String title = title(plans.versions(caller, id), newer);
        Map<String, Object> model = layout.model(caller, title + " 第" + older + "版と第" + newer + "版の比較");
        model.put("planId", id);
        model.put("planTitle", title);
        model.put("planHref", planPath(id));
        model.put("from", older);
        model.put("to", newer);
        model.put("fromHref", versionPath(id, older));
        model.put("toHref", versionPath(id, newer));
        model.put("addedCount", comparison.added().size());
        model.put("resolvedCount", comparison.resolved().size());
        model.put("added", FindingsTable.rows(byRule(comparison.added()), ruleBase, null, null));
        model.put("resolved", FindingsTable.rows(byRule(comparison.resolved()), ruleBase, null, null));
        model.put("cut", comparison.added().size() > COMPARISON_ROWS || comparison.resolved().size() > COMPARISON_ROWS);
        model.put("maxRows", COMPARISON_ROWS);
        Map<String, int[]> perRule = new TreeMap<>();
        comparison.added().forEach(f -> perRule.computeIfAbsent(f.ruleId(), k -> new int[2])[0]++);
        comparison.resolved().forEach(f -> perRule.computeIfAbsent(f.ruleId(), k -> new int[2])[1]++);
        List<Map<String, Object>> rules = new ArrayList<>();
        perRule.forEach((rule, counts) -> rules.add(Map.of("ruleId", rule, "ruleTitle", FindingsTable.ruleTitle(ruleBase, rule),
                "added", counts[0], "resolved", counts[1])));
        model.put("rules", rules);
        return new ModelAndView<>("plan/compare", model);
    }

    private Map<String, Object> listModel(Caller caller, List<String> errors, String fileName) {
        Map<String, Object> model = layout.model(caller, "計画");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PlanSummary p : plans.list(caller)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("title", p.title());
            row.put("organization", layout.organizationName(p.organization()));
            row.put("latestVersion", p.latestVersion());
            row.put("storedBy", p.storedBy() == null ? "—" : p.storedBy());
            row.put("storedAt", dateTime(p.storedAt()));
            row.put("href", planPath(p.id()));
            row.put("latestHref", versionPath(p.id(), p.latestVersion()));
            rows.add(row);
        }
        model.put("plans", rows);
        model.put("mayUpload", caller.mayAtAll(Action.PLAN_CHECK_STORE));
        model.put("errors", errors);
        model.put("fileName", fileName);
        return model;
    }

    /** The findings of a comparison by rule, then in their own order (severity, target); at most {@link #COMPARISON_ROWS}. */
    private static List<Finding> byRule(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::ruleId).thenComparing(Comparator.naturalOrder()));
        return sorted.subList(0, Math.min(sorted.size(), COMPARISON_ROWS));
    }



    /** The title of a version, as stored with it. */
    private static String title(List<PlanVersionSummary> versions, int version) {
        return versions.stream().filter(v -> v.version() == version).map(PlanVersionSummary::title).findFirst().orElse("");
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    static String planPath(String id) {
        return "/plans/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String versionPath(String id, int version) {
        return planPath(id) + "/versions/" + version;
    }

    private static String dateTime(OffsetDateTime moment) {
        return moment == null ? "—" : JapaneseDates.dateTime(moment.atZoneSameInstant(JAPAN).toLocalDateTime());
    }

    private static String dateTime(Instant moment) {
        return JapaneseDates.dateTime(moment.atZone(JAPAN).toLocalDateTime());
    }
}
