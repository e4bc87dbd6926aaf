package jp.tenken.plan;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbering of a plan's initiatives, worked out once by sorting the rows by number: per row,
 * how many rows carry its number, the next larger number used, and whether it is the first row
 * (in document order) with its number; and which numbers some 【再掲】 row points at. The
 * numbering and repost rules read these off each initiative instead of comparing every row with
 * every other: a 20,000-row plan numbered 1, 3, 5, … took over 8 minutes to check when
 * PLAN-NUMBER-GAP searched for the next number row by row.
 */
final class Numbering {

    private static final int NONE = -1;

    private final int[] count;
    /** The next larger number, or {@link #NONE} (numbers are positive). */
    private final int[] next;
    private final boolean[] first;
    private final Set<Integer> repostTargets = new HashSet<>();

    Numbering(List<Initiative> initiatives) {
        int rows = initiatives.size();
        count = new int[rows];
        next = new int[rows];
        first = new boolean[rows];
        // Number and row packed into one long: one primitive sort orders by number, then by row.
        long[] byNumber = new long[rows];
        for (int row = 0; row < rows; row++) {
            Initiative initiative = initiatives.get(row);
            byNumber[row] = ((long) initiative.no() << 32) | row;
            if (initiative.repostOf() != null) {
                repostTargets.add(initiative.repostOf());
            }
        }
        Arrays.sort(byNumber);
        for (int start = 0; start < rows; ) {
            int no = (int) (byNumber[start] >>> 32);
            int end = start;
            while (end < rows && (int) (byNumber[end] >>> 32) == no) {
                end++;
            }
            int following = end < rows ? (int) (byNumber[end] >>> 32) : NONE;
            for (int i = start; i < end; i++) {
                int row = (int) byNumber[i];
                count[row] = end - start;
                next[row] = following;
            }
            first[(int) byNumber[start]] = true;
            start = end;
        }
    }

    /** How many rows carry the row's number. */
    int count(int row) {
        return count[row];
    }

    /** The next larger number the plan uses after the row's, {@code null} for the largest. */
    Integer next(int row) {
        return next[row] == NONE ? null : next[row];
    }

    /** Whether the row is the first in the document to carry its number. */
    boolean first(int row) {
        return first[row];
    }

    /** Whether some 【再掲】 row points at the number. */
    boolean repostTarget(int no) {
        return repostTargets.contains(no);
    }
}
