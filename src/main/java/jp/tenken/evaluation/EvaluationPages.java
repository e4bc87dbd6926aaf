package jp.tenken.evaluation;

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
import jp.tenken.document.DocumentFormat;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleDescriptor;
import jp.tenken.engine.Target;
import jp.tenken.plan.Initiative;
import jp.tenken.plan.PlanDocument;
import jp.tenken.plan.PlanService;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;
import jp.tenken.web.StatusWords;
import jp.tenken.web.UploadedFiles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The plan editor's evaluation pages (CONTRACT §8, §10): the stored evaluations with an upload form
 * (検査する: check only; 保存する: store as the next version), and an evaluation's results field by
 * field, each with the initiative it traces to and the untraced ones marked, then the findings.
 * Everything goes through {@link EvaluationService}, as the API does.
 */
@Controller
class EvaluationPages {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Layout layout;
    private final EvaluationService evaluations;
    private final RuleBase ruleBase;

    EvaluationPages(Layout layout, EvaluationService evaluations, RuleBase ruleBase) {
        this.layout = layout;
        this.evaluations = evaluations;
        this.ruleBase = ruleBase;
    }

    @Get(value = "/evaluations", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller) {
        return new ModelAndView<>("evaluation/list", listModel(caller, List.of(), null));
    }

    /**
     * An uploaded evaluation file: {@code intent=check} shows its traces and findings at once (nothing
     * stored); {@code intent=store} stores it and shows the stored version. A file that cannot be read,
     * or whose plan is not stored, is the list page again with what is wrong.
     */
    @BoundedWork
    @Post(value = "/evaluations", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    CompletableFuture<HttpResponse<?>> upload(Caller caller, @Nullable @Part("file") CompletedFileUpload file,
                                             @Nullable @Part("intent") String intent) {
        caller.requireRole(Action.EVALUATION_WRITE);
        String fileName = UploadedFiles.name(file);
        try {
            byte[] body = UploadedFiles.bytes(file, "evaluation.file.required");
            DocumentFormat format = UploadedFiles.format(fileName);
            if ("store".equals(intent)) {
                StoredEvaluation stored = evaluations.store(caller, body, format);
                return done(HttpResponse.seeOther(URI.create(versionPath(stored.evaluationId(), stored.version()) + "?stored")));
            }
            EvaluationService.Checked checked = evaluations.check(caller, body, format);
            Map<String, Object> model = layout.model(caller, "評価の検査結果 " + title(checked.evaluation()));
            model.put("stored", false);
            model.put("fileName", fileName);
            describe(model, checked.evaluation(), checked.plan(), checked.check());
            return done(HttpResponse.ok(new ModelAndView<>("evaluation/show", model)));
        } catch (DocumentRejectedException e) {
            List<String> errors = e.problems().stream()
                    .map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message(Language.JA)).toList();
            HttpStatus status = e.reason() == DocumentRejectedException.Reason.UNPROCESSABLE
                    ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
            return done(HttpResponse.status(status).body(new ModelAndView<>("evaluation/list", listModel(caller, errors, fileName))));
        } catch (EvaluationOfAnotherOrganizationException e) {
            String message = e.message(Language.JA);
            return done(HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("evaluation/list",
                    listModel(caller, List.of(message), fileName))));
        }
    }

    /** The latest version of a stored evaluation. */
    @Get(value = "/evaluations/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> latest(Caller caller, String id) {
        StoredEvaluation stored = evaluations.latest(caller, id);
        return HttpResponse.seeOther(URI.create(versionPath(id, stored.version())));
    }

    @Get(value = "/evaluations/{id}/versions/{version}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> version(Caller caller, String id, String version, @Nullable @QueryValue String stored) {
        evaluations.requireReadable(caller, id);
        StoredEvaluation evaluation = evaluations.version(caller, id, PlanService.versionNumber("version", version));
        EvaluationDocument document = EvaluationService.document(evaluation);
        Map<String, Object> model = layout.model(caller, title(document) + " 第" + evaluation.version() + "版");
        model.put("stored", true);
        model.put("notice", stored != null ? "第" + evaluation.version() + "版として保存しました。" : null);
        model.put("version", evaluation.version());
        model.put("storedBy", evaluation.storedBy());
        model.put("when", dateTime(evaluation.storedAt()));
        describe(model, document, evaluations.planOf(caller, evaluation).orElse(null), evaluation.check());
        return new ModelAndView<>("evaluation/show", model);
    }

    /** The report's results field by field with their traces, and the findings. */
    private void describe(Map<String, Object> model, EvaluationDocument evaluation, PlanDocument plan, EvaluationCheck check) {
        Map<Integer, String> titles = new HashMap<>();
        if (plan != null) {
            for (Initiative initiative : plan.initiatives()) {
                titles.putIfAbsent(initiative.no(), initiative.title());
            }
        }
        String planVersionPath = planPath(check.planId()) + "/versions/" + check.planVersion();
        model.put("evaluationId", evaluation.id());
        model.put("evaluationTitle", title(evaluation));
        model.put("fiscalYear", JapaneseDates.fiscalYear(evaluation.fiscalYear()));
        model.put("planId", check.planId());
        model.put("planTitle", plan == null ? check.planId() : plan.title());
        model.put("planVersion", check.planVersion());
        model.put("planHref", planVersionPath);
        model.put("rulesVersion", check.rulesVersion());
        List<Map<String, Object>> fields = new ArrayList<>();
        int t = 0;
        int untraced = 0;
        for (EvaluationField field : evaluation.fields()) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (String text : field.results()) {
                Trace trace = check.traces().get(t++);
                List<Map<String, Object>> initiatives = new ArrayList<>();
                for (int no : trace.initiativeNos()) {
                    initiatives.add(Map.of("no", no, "title", titles.getOrDefault(no, ""),
                            "href", planVersionPath + "?initiative=" + no));
                }
                untraced += trace.traced() ? 0 : 1;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("position", trace.index() + 1);
                row.put("index", trace.index());
                row.put("text", text);
                row.put("traced", trace.traced());
                row.put("initiatives", initiatives);
                row.put("score", String.format(Locale.ROOT, "%.3f", trace.score()));
                results.add(row);
            }
            fields.add(Map.of("name", field.name(), "results", results));
        }
        model.put("fields", fields);
        model.put("resultCount", check.traces().size());
        model.put("untracedCount", untraced);
        model.put("tracedCount", check.traces().size() - untraced);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : check.findings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ruleId", finding.ruleId());
            row.put("severity", finding.severity().name());
            row.put("severityWord", StatusWords.severity(finding.severity()));
            row.put("ruleTitle", ruleBase.rule(finding.ruleId()).map(RuleDescriptor::title).orElse(""));
            row.put("target", target(finding.target()));
            row.put("message", ruleBase.messages().render(finding, Language.JA));
            // Accepted under a waiver (CONTRACT §12): shown, with why and until when.
            row.put("waived", finding.isWaived());
            row.put("waiverText", finding.isWaived() ? "適用除外: " + finding.waiver().reason() + "("
                    + jp.tenken.text.JapaneseDates.date(finding.waiver().expiresOn()) + "まで。件数に数えません)" : "");
            findings.add(row);
        }
        model.put("findings", findings);
    }

    /** A finding's target in words: 分野「…」の成果2 / 取組No.3 / 2024年度; 評価全体 when it names nothing. */
    private static String target(Target target) {
        List<String> parts = new ArrayList<>();
        if (target.initiativeNo() != null) {
            parts.add("取組No." + target.initiativeNo());
        }
        if (target.resultIndex() != null) {
            parts.add("分野「" + target.field() + "」の成果" + (target.resultIndex() + 1));
        } else if (target.fiscalYear() != null) {
            parts.add(target.fiscalYear() + "年度");
        }
        return parts.isEmpty() ? "評価全体" : String.join(" / ", parts);
    }

    private Map<String, Object> listModel(Caller caller, List<String> errors, String fileName) {
        Map<String, Object> model = layout.model(caller, "評価");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EvaluationSummary e : evaluations.list(caller)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.evaluationId());
            row.put("title", e.title() == null || e.title().isBlank() ? e.evaluationId() : e.title());
            row.put("fiscalYear", JapaneseDates.fiscalYear(e.fiscalYear()));
            row.put("planId", e.planId());
            row.put("planVersion", e.planVersion());
            row.put("latestVersion", e.latestVersion());
            row.put("storedBy", e.storedBy());
            row.put("storedAt", dateTime(e.storedAt()));
            row.put("warnings", e.summary().warnings());
            row.put("infos", e.summary().infos());
            row.put("errors", e.summary().errors());
            row.put("href", versionPath(e.evaluationId(), e.latestVersion()));
            rows.add(row);
        }
        model.put("evaluations", rows);
        model.put("mayUpload", caller.mayAtAll(Action.EVALUATION_WRITE));
        model.put("errors", errors);
        model.put("fileName", fileName);
        return model;
    }

    private static String title(EvaluationDocument evaluation) {
        return evaluation.title() == null || evaluation.title().isBlank() ? evaluation.id() : evaluation.title();
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String versionPath(String id, int version) {
        return "/evaluations/" + segment(id) + "/versions/" + version;
    }

    private static String planPath(String id) {
        return "/plans/" + segment(id);
    }

    private static String dateTime(OffsetDateTime moment) {
        return moment == null ? "—" : JapaneseDates.dateTime(moment.atZoneSameInstant(JAPAN).toLocalDateTime());
    }
}
