package jp.tenken.plan;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbering of a plan's initiatives, worked out once from one sorted copy of the numbers: how
 * many rows carry a number, the next larger number used, which row is the first to carry it, and
 * which numbers some 【再掲】 row points at. The numbering and repost rules read these off each
 * initiative instead of comparing every row with every other: a 20,000-row plan numbered 1, 3, 5, …
 * took over 8 minutes to check when PLAN-NUMBER-GAP searched for the next number row by row.
 */
final class Numbering {

    private final int[] sorted;
    /** Per position of {@link #sorted}: whether a row with that number has already been handed out. */
    private final boolean[] claimed;
    private final Set<Integer> repostTargets = new HashSet<>();

    Numbering(List<Initiative> initiatives) {
        sorted = new int[initiatives.size()];
        for (int i = 0; i < sorted.length; i++) {
            Initiative initiative = initiatives.get(i);
            sorted[i] = initiative.no();
            if (initiative.repostOf() != null) {
                repostTargets.add(initiative.repostOf());
            }
        }
        Arrays.sort(sorted);
        claimed = new boolean[sorted.length];
    }

    /** How many rows carry the number. */
    int count(int no) {
        return firstAbove(no) - firstAtLeast(no);
    }

    /** The next larger number the plan uses, {@code null} for the largest. */
    Integer next(int no) {
        int above = firstAbove(no);
        return above < sorted.length ? sorted[above] : null;
    }

    /**
     * Whether this is the first call for the number: called once per row in document order, it
     * tells the first row carrying a number from its duplicates.
     */
    boolean claimFirst(int no) {
        int first = firstAtLeast(no);
        if (first >= sorted.length || sorted[first] != no || claimed[first]) {
            return false;
        }
        claimed[first] = true;
        return true;
    }

    /** Whether some 【再掲】 row points at the number. */
    boolean repostTarget(int no) {
        return repostTargets.contains(no);
    }

    private int firstAtLeast(int no) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < no) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int firstAbove(int no) {
        return no == Integer.MAX_VALUE ? sorted.length : firstAtLeast(no + 1);
    }
}
