package jp.tenken.inspection;

import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.ChecklistLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Self-inspections against the city's real checklist, written as JSON bodies. */
public final class Submissions {

    public static final Checklist CHECKLIST = ChecklistLoader.load(Path.of("checklists")).get("municipal-security-self-inspection");

    private Submissions() {
    }

    /** Every item answered well: YES with evidence, every gate YES, every PERCENT at 100. */
    public static Map<String, Object> compliant(String department, int fiscalYear) {
        return submission(department, fiscalYear, item -> null);
    }

    /**
     * Every item answered well except those {@code override} answers (as a map for the answer's
     * JSON); null keeps the compliant answer.
     */
    public static Map<String, Object> submission(String department, int fiscalYear,
                                                 java.util.function.Function<String, Map<String, Object>> override) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checklistId", CHECKLIST.id());
        body.put("organization", "hiratsuka");
        body.put("department", department);
        body.put("fiscalYear", fiscalYear);
        body.put("submittedOn", fiscalYear + "-10-15");
        body.put("answers", CHECKLIST.items().stream().map(item -> {
            Map<String, Object> answer = override.apply(item.id());
            return answer != null ? withItem(item.id(), answer) : good(item);
        }).toList());
        return body;
    }

    private static Map<String, Object> withItem(String itemId, Map<String, Object> answer) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("itemId", itemId);
        copy.putAll(answer);
        return copy;
    }

    private static Map<String, Object> good(ChecklistItem item) {
        if (item.answerType() == AnswerType.PERCENT) {
            return Map.of("itemId", item.id(), "value", 100);
        }
        return Map.of("itemId", item.id(), "answer", "YES", "evidence", "記録あり");
    }

    /** Every item a department answers answered well, the organization-level items left out (the security office answers them). */
    public static Map<String, Object> withoutOrganizationLevel(String department, int fiscalYear) {
        Map<String, Object> body = compliant(department, fiscalYear);
        body.put("answers", ((java.util.List<?>) body.get("answers")).stream()
                .filter(a -> !CHECKLIST.item(String.valueOf(((Map<?, ?>) a).get("itemId"))).orElseThrow().organizationLevel()).toList());
        return body;
    }

    /** A NO on a HIGH item without remediation: NON_COMPLIANT. */
    public static Map<String, Object> nonCompliant(String department, int fiscalYear) {
        return submission(department, fiscalYear, id -> id.equals("PHY-02") ? Map.of("answer", "NO") : null);
    }
}
