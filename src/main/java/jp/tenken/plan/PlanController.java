package jp.tenken.plan;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.RuleBase;

/** POST /api/v1/plans/check: evaluates a plan (JSON or YAML) without storing it. */
@Controller("/api/v1/plans")
class PlanController {

    private final DocumentReader reader;
    private final PlanChecker checker;
    private final RuleBase ruleBase;

    PlanController(DocumentReader reader, PlanChecker checker, RuleBase ruleBase) {
        this.reader = reader;
        this.checker = checker;
        this.ruleBase = ruleBase;
    }

    /** Consumes any type so that an unsupported one gets Tenken's 415 answer rather than a routing error. */
    @Post(value = "/check", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    PlanCheckResponse check(HttpRequest<?> request, @Body byte[] body) {
        PlanDocument plan = reader.read(body, Requests.format(request), PlanDocument.class);
        return PlanCheckResponse.of(checker.check(plan), ruleBase.messages(), Requests.language(request));
    }
}
