package jp.tenken.plan.facts;

/**
 * A number the plan gives to its initiatives, once per number: how many initiatives carry it and
 * the next larger number the plan uses ({@code null} for the largest). The numbering rules read
 * duplicates and gaps off this one fact; joining every initiative with every other to find them
 * grew with the square of the plan (a 20,000-row plan numbered 1, 3, 5, … took over 8 minutes).
 */
public record InitiativeNumber(int no, int count, Integer nextNumber) {

    /** The number that follows this one when nothing is missing. */
    public int successorNo() {
        return no + 1;
    }
}
