package jp.tenken.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jp.tenken.account.Action;
import jp.tenken.account.Caller;
import jp.tenken.activity.ActivityAction;
import jp.tenken.activity.ActivityEntry;
import jp.tenken.activity.ActivityLog;
import jp.tenken.activity.Outcome;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleBaseLoader;
import jp.tenken.i18n.Texts;
import jp.tenken.source.SourceException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /api/v1/rules/reload (CONTRACT §13): the rules folder compiled again beside the running
 * rules and swapped in at once. Rules that do not compile leave the running ones in place and are
 * answered 422, one violation per problem with its file and line as the path.
 */
@Controller("/api/v1/rules/reload")
class RuleReloadController {

    /** The answer of a reload: the rules now in use. */
    record Reloaded(String rulesVersion, String previousVersion, boolean changed, int rules) {
    }

    /** {@code rules/plan/X.drl:12: what} → path {@code rules/plan/X.drl:12}, message {@code what}. */
    private static final Pattern PROBLEM = Pattern.compile("^(.*?:\\d+): (.*)$");

    private final RuleBase ruleBase;
    private final ActivityLog activity;
    private final Path rulesDir;

    RuleReloadController(RuleBase ruleBase, ActivityLog activity, @Value("${tenken.rules-dir:rules}") String rulesDir) {
        this.ruleBase = ruleBase;
        this.activity = activity;
        this.rulesDir = Path.of(rulesDir);
    }

    // Compiling takes a second or more: never on an event-loop thread.
    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    synchronized HttpResponse<?> reload(HttpRequest<?> request, Caller caller) {
        caller.requireRole(Action.ADMINISTER);
        RuleBase compiled;
        try {
            compiled = RuleBaseLoader.load(rulesDir);
        } catch (SourceException e) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("problems", e.problems().size());
            activity.append(ActivityEntry.now(caller.username(), ActivityAction.RULES_RELOADED, null, target, Outcome.DENIED));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ErrorResponse("rules_not_compiled",
                    Texts.get(Requests.language(request), "rules.reload.failed"), violations(e.problems())));
        }
        String previous = ruleBase.replaceWith(compiled);
        String now = compiled.version(); // what was swapped in, whatever replaces it afterwards
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("rulesVersion", now);
        target.put("previousVersion", previous);
        activity.append(ActivityEntry.now(caller.username(), ActivityAction.RULES_RELOADED, null, target, Outcome.OK));
        return HttpResponse.ok(new Reloaded(now, previous, !previous.equals(now), compiled.rules().size()));
    }

    private static List<ErrorResponse.Violation> violations(List<String> problems) {
        return problems.stream().map(problem -> {
            Matcher m = PROBLEM.matcher(problem);
            return m.matches() ? new ErrorResponse.Violation(m.group(1), m.group(2)) : new ErrorResponse.Violation("", problem);
        }).toList();
    }
}
