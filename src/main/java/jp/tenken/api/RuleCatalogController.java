package jp.tenken.api;

import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleDescriptor;
import jp.tenken.engine.Severity;

import java.util.List;

/** GET /api/v1/rules: the rule catalogue as loaded from the rules folder. */
@Controller("/api/v1/rules")
class RuleCatalogController {

    /** One rule of the catalogue (CONTRACT §6), with the keys a waiver of it may name (§12). */
    record RuleView(String id, Severity severity, String title, String description, String family, String source,
                    List<String> targetKeys) {
    }

    private final RuleBase ruleBase;

    RuleCatalogController(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    @Get
    List<RuleView> rules(HttpRequest<?> request, Caller caller) {
        caller.requireRole(Action.CATALOGUE_READ);
        return catalogue(ruleBase, Requests.language(request));
    }

    /** The catalogue in a language, in the rule base's order: the API's answer and the rules page's list. */
    static List<RuleView> catalogue(RuleBase ruleBase, Language language) {
        return ruleBase.rules().stream().map(r -> view(ruleBase, r, language)).toList();
    }

    private static RuleView view(RuleBase ruleBase, RuleDescriptor rule, Language language) {
        String title = language == Language.JA ? rule.title()
                : ruleBase.messages().describe(rule.id(), "title", language, rule.title());
        String description = ruleBase.messages().describe(rule.id(), "description", language, "");
        return new RuleView(rule.id(), rule.severity(), title, description, rule.family(), rule.source(), rule.targetKeys());
    }
}
