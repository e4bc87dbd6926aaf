package jp.tenken.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.web.Layout;
import jp.tenken.web.StatusWords;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule catalogue page for everyone logged in (CONTRACT §8): the same catalogue as
 * {@code GET /api/v1/rules}, in Japanese, with a search box ({@code q}, matched against id, title
 * and description after NFKC and case folding, so ｐｌａｎ finds PLAN-…) and a family choice.
 * A plain GET form: it works without script.
 */
@Controller("/rules")
class RulesPage {

    private final Layout layout;
    private final RuleBase ruleBase;

    RulesPage(Layout layout, RuleBase ruleBase) {
        this.layout = layout;
        this.ruleBase = ruleBase;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(Caller caller, @Nullable @QueryValue String q, @Nullable @QueryValue String family) {
        caller.requireRole(Action.CATALOGUE_READ);
        List<RuleCatalogController.RuleView> all = RuleCatalogController.catalogue(ruleBase, Language.JA);
        String query = q == null ? "" : q.strip();
        String wanted = key(query);
        String chosenFamily = family == null ? "" : family.strip();
        List<Map<String, Object>> rules = all.stream()
                .filter(r -> chosenFamily.isEmpty() || chosenFamily.equals(r.family()))
                .filter(r -> wanted.isEmpty() || key(r.id()).contains(wanted) || key(r.title()).contains(wanted)
                        || key(r.description()).contains(wanted))
                .map(RulesPage::row)
                .toList();
        Map<String, Object> model = layout.model(caller, "ルール一覧");
        model.put("q", query);
        model.put("family", chosenFamily);
        model.put("families", all.stream().map(RuleCatalogController.RuleView::family).distinct().sorted()
                .map(f -> Map.of("id", f, "label", familyName(f), "selected", f.equals(chosenFamily))).toList());
        model.put("rules", rules);
        model.put("total", all.size());
        return new ModelAndView<>("rules/list", model);
    }

    private static Map<String, Object> row(RuleCatalogController.RuleView rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rule.id());
        row.put("severity", rule.severity().name());
        row.put("severityWord", StatusWords.severity(rule.severity()));
        row.put("title", rule.title());
        row.put("description", rule.description() == null ? "" : rule.description());
        row.put("family", rule.family());
        row.put("familyName", familyName(rule.family()));
        return row;
    }

    /** The rules folders by what they check. */
    static String familyName(String family) {
        return switch (family) {
            case "plan" -> "計画";
            case "inspection" -> "自己点検";
            case "audit" -> "監査";
            case "evaluation" -> "評価";
            case "compliance" -> "遵守状況";
            default -> family;
        };
    }

    private static String key(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
