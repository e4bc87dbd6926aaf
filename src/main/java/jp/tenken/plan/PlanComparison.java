package jp.tenken.plan;

import jp.tenken.engine.Finding;
import jp.tenken.engine.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a plan: the findings of {@code to} that {@code from} did not
 * have ({@code added}) and those of {@code from} that {@code to} no longer has ({@code resolved}).
 * A finding is the same in both when its rule id and its target are; two findings of one rule on
 * one target count as two, so one of them going away is one resolved. Both lists keep the findings'
 * own order (severity, target, rule id).
 */
public record PlanComparison(String planId, int from, int to, List<Finding> added, List<Finding> resolved) {

    public PlanComparison {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
    }

    public static PlanComparison of(StoredPlan from, StoredPlan to) {
        return new PlanComparison(to.planId(), from.version(), to.version(),
                missingFrom(to.findings(), from.findings()), missingFrom(from.findings(), to.findings()));
    }

    /** The findings of {@code these} that {@code others} lacks, counting each (rule id, target) as often as it occurs. */
    private static List<Finding> missingFrom(List<Finding> these, List<Finding> others) {
        Map<Key, Integer> counts = new HashMap<>();
        for (Finding f : others) {
            counts.merge(Key.of(f), 1, Integer::sum);
        }
        List<Finding> missing = new ArrayList<>();
        for (Finding f : these) {
            Key key = Key.of(f);
            int left = counts.getOrDefault(key, 0);
            if (left > 0) {
                counts.put(key, left - 1);
            } else {
                missing.add(f);
            }
        }
        return missing;
    }

    private record Key(String ruleId, Target target) {
        static Key of(Finding f) {
            return new Key(f.ruleId(), f.target());
        }
    }
}
