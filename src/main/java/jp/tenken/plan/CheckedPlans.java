package jp.tenken.plan;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.tenken.engine.Finding;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the plan editor's 検査する (check without storing) for a while, so that the
 * findings page of a check can be filtered and paged with plain links (GET, no script) like that of
 * a stored version. Nothing is stored in the database: a result lives in this instance's memory for
 * {@code tenken.plan-checks.keep} (30 minutes), only its own user reads it, and the oldest go first
 * when more than {@value #MAX_RESULTS} results or {@value #MAX_FINDINGS} findings are held. A result
 * that is gone (expired, pushed out, or checked on another instance behind a load balancer without
 * sticky sessions) is a 404 page asking to check the file again.
 */
@Singleton
public class CheckedPlans {

    static final int MAX_RESULTS = 64;
    static final int MAX_FINDINGS = 200_000;

    /** One check's result, as its findings page shows it. */
    public record Result(String token, String username, String fileName, PlanDocument plan, PlanCheck check, Instant checkedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Result> results = new LinkedHashMap<>();
    private final Duration keep;
    private final Clock clock;
    private long findings;

    CheckedPlans(@Value("${tenken.plan-checks.keep:30m}") Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    /** Keeps a check's result for its user; answers the token its page is addressed by. */
    public synchronized Result keep(String username, String fileName, PlanService.Checked checked) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Result result = new Result(token, username, fileName, checked.plan(), checked.check(), clock.instant());
        results.put(token, result);
        findings += count(result);
        expire();
        return result;
    }

    /** The result, when it is still held and belongs to this user. */
    public synchronized Optional<Result> find(String username, String token) {
        expire();
        Result result = results.get(token);
        return result != null && result.username().equals(username) ? Optional.of(result) : Optional.empty();
    }

    private void expire() {
        Instant oldest = clock.instant().minus(keep);
        Iterator<Map.Entry<String, Result>> entries = results.entrySet().iterator();
        while (entries.hasNext()) {
            Result result = entries.next().getValue();
            boolean tooMany = results.size() > MAX_RESULTS || findings > MAX_FINDINGS;
            if (!tooMany && !result.checkedAt().isBefore(oldest)) {
                return;
            }
            // The newest result is always kept, even alone over the findings bound.
            if (!entries.hasNext()) {
                return;
            }
            entries.remove();
            findings -= count(result);
        }
    }

    private static int count(Result result) {
        List<Finding> all = result.check().findings();
        return all.size();
    }
}
