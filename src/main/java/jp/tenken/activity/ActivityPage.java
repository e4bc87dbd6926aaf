package jp.tenken.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Language;
import jp.tenken.text.JapaneseDates;
import jp.tenken.web.Layout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The activity log page (CONTRACT §8) for whom {@code GET /api/v1/activity} answers (ACTIVITY_READ):
 * the same filters (user, action, from and to dates in Japan's time) and the same scope, newest
 * first, {@value #PAGE_SIZE} entries a page with links to newer and older ones.
 */
@Controller("/admin/activity")
class ActivityPage {

    static final int PAGE_SIZE = 50;
    private static final int LAST_PAGE = ActivityQuery.MAX_OFFSET / PAGE_SIZE;

    private static final Map<String, String> FIELD_NAMES = Map.of("from", "開始日", "to", "終了日", "user", "利用者名", "action", "操作");

    private final Layout layout;
    private final ActivityLog log;

    ActivityPage(Layout layout, ActivityLog log) {
        this.layout = layout;
        this.log = log;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> list(Caller caller, @Nullable @QueryValue String user,
                                                         @Nullable @QueryValue String action, @Nullable @QueryValue String from,
                                                         @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        caller.requireRole(Action.ACTIVITY_READ);
        String scope = ActivityController.scope(caller, null);
        int number = page(page);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("user", user == null ? "" : user.strip());
        filters.put("action", action == null ? "" : action.strip());
        filters.put("from", from == null ? "" : from.strip());
        filters.put("to", to == null ? "" : to.strip());
        Map<String, Object> model = layout.model(caller, "操作履歴");
        model.put("filters", filters);
        model.put("actions", Arrays.stream(ActivityAction.values())
                .map(a -> Map.of("name", a.name(), "label", label(a), "selected", a.name().equals(filters.get("action")))).toList());
        model.put("scope", layout.organizationName(scope));
        model.put("page", number);
        List<ActivityEntry> entries;
        try {
            ActivityQuery query = ActivityController.query(filters.get("from"), filters.get("to"), filters.get("user"),
                    filters.get("action"), null);
            entries = log.list(query.withOrganization(scope).withLimit(PAGE_SIZE + 1).withOffset((number - 1) * PAGE_SIZE));
        } catch (DocumentRejectedException e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (Problem problem : e.problems()) {
                // The API's words name its parameters; the page names its fields.
                String message = "query.from-after-to".equals(problem.key()) ? "開始日が終了日より後になっています。"
                        : FIELD_NAMES.getOrDefault(problem.path(), problem.path()) + ": " + problem.message(Language.JA);
                errors.computeIfAbsent(problem.path(), k -> new ArrayList<>()).add(message);
            }
            model.put("errors", errors);
            model.put("entries", List.of());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/activity", model));
        }
        model.put("errors", Map.of());
        boolean older = entries.size() > PAGE_SIZE && number < LAST_PAGE;
        model.put("entries", entries.stream().limit(PAGE_SIZE).map(this::row).toList());
        model.put("first", (number - 1) * PAGE_SIZE + 1);
        model.put("newerHref", number > 1 ? href(filters, number - 1) : null);
        model.put("olderHref", older ? href(filters, number + 1) : null);
        return HttpResponse.ok(new ModelAndView<>("admin/activity", model));
    }

    /** The page number from the query: 1 unless it is a whole number from 1 to the last page. */
    private static int page(String page) {
        if (page == null || !page.strip().matches("[0-9]{1,7}")) {
            return 1;
        }
        return Math.max(1, Math.min(LAST_PAGE, Integer.parseInt(page.strip())));
    }

    private static String href(Map<String, String> filters, int page) {
        String query = filters.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/admin/activity?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

    private Map<String, Object> row(ActivityEntry entry) {
        LocalDateTime at = LocalDateTime.ofInstant(entry.at(), ActivityController.ZONE);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", JapaneseDates.dateTime(at) + String.format(":%02d", at.getSecond()));
        row.put("user", entry.user() == null ? "—" : entry.user());
        row.put("action", entry.action().name());
        row.put("actionLabel", label(entry.action()));
        row.put("organization", entry.organization() == null ? "—" : layout.organizationName(entry.organization()));
        row.put("target", entry.target().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        row.put("outcome", entry.outcome().name());
        row.put("outcomeLabel", entry.outcome() == Outcome.OK ? "実行" : "拒否");
        return row;
    }

    /** The action in Japanese, for the table and the filter (the stored name is shown beside it). */
    static String label(ActivityAction action) {
        return switch (action) {
            case PLAN_STORED -> "計画の保存";
            case INSPECTION_SUBMITTED -> "自己点検の提出";
            case INSPECTION_DRAFT_SAVED -> "自己点検の下書き保存";
            case INSPECTION_DRAFT_DELETED -> "自己点検の下書き破棄";
            case AUDIT_RECORDED -> "監査の記録";
            case ACTION_COMPLETED -> "是正措置の完了";
            case EVALUATION_STORED -> "評価の保存";
            case WAIVER_CREATED -> "適用除外の登録";
            case WAIVER_REVOKED -> "適用除外の取消";
            case USER_CREATED -> "利用者の作成";
            case USER_UPDATED -> "利用者の変更";
            case PASSWORD_CHANGED -> "パスワードの変更";
            case RULES_RELOADED -> "ルールの再読み込み";
            case LOGIN_FAILED -> "ログイン失敗";
            case ACCESS_DENIED -> "アクセス拒否";
            // An action added later shows its stored name until it is given a word here.
            default -> action.name();
        };
    }
}
