package jp.tenken.plan.facts;

/** A department named by an initiative, on its list row ({@code list}) or its sheet ({@code sheet}). */
public record DepartmentMention(int index, int initiativeNo, String name, String source) {
}
