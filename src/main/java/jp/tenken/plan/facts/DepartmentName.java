package jp.tenken.plan.facts;

import java.util.List;

/**
 * A department name as the plan writes it, once however many rows name it, with its comparison key
 * and every place it appears. A city has a few dozen names over thousands of rows: one fact per
 * name keeps the registry lookup to a few dozen joins, and the mentions are only walked for a name
 * the registry does not know.
 */
public record DepartmentName(String name, String key, List<DepartmentMention> mentions) {
}
