package jp.tenken.plan;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;

import java.util.List;

/**
 * The most initiatives the service checks in one plan ({@code tenken.limits.max-initiatives},
 * 2,000): the city's action plan has 43, a comprehensive plan's implementation plan a few hundred.
 * With the other limits of a document ({@link Limits}) it bounds the findings of one request. The
 * command line has no such limit: it checks a file on its user's own machine, however large.
 */
@Singleton
final class InitiativeLimit {

    private final int max;

    InitiativeLimit(@Value("${tenken.limits.max-initiatives:2000}") int max) {
        this.max = max;
    }

    /** Refuses a plan with more initiatives than the limit, naming the limit and the count. */
    void require(PlanDocument plan) {
        int count = plan.initiatives().size();
        if (count > max) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.MALFORMED, "document.invalid",
                    List.of(Problem.of("initiatives", "plan.limit.initiatives",
                            "max", String.valueOf(max), "count", String.valueOf(count))));
        }
    }
}
