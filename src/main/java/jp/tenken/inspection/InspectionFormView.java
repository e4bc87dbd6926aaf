package jp.tenken.inspection;

import jp.tenken.api.FindingView;
import jp.tenken.checklist.AnswerType;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model of the self-inspection form's template: the checklist grouped by chapter in its own
 * order, with a progress count per chapter, each item's question, guidance, severity, ISO
 * references, values as typed, whether its gate greys it, and the errors and findings shown beside it.
 */
final class InspectionFormView {

    private InspectionFormView() {
    }

    /**
     * Who answers the organization-level items on this form: {@code asked} on the security office's own
     * form (it answers them for everyone); otherwise they are shown read-only with the office's answers.
     */
    record OrganizationLevel(boolean asked, String office, InspectionForm officeAnswers) {
        static final OrganizationLevel ASKED = new OrganizationLevel(true, null, InspectionForm.empty());

        /**
         * The organization-level items as {@code department}'s form and workbook show them: its own to answer
         * when it is the security office, else read-only with the office's current answers of the year (none
         * before it has submitted; read only when needed).
         */
        static OrganizationLevel shownTo(String department, String office, Supplier<Optional<StoredInspection>> officeCurrent) {
            if (department.equals(office)) {
                return ASKED;
            }
            return new OrganizationLevel(false, office, officeCurrent.get()
                    .map(s -> InspectionForm.of(s.submission())).orElse(InspectionForm.empty()));
        }
    }

    static List<Map<String, Object>> chapters(Checklist checklist, InspectionForm form,
                                              Map<String, List<String>> errorsByItem, List<FindingView> findings) {
        return chapters(checklist, form, errorsByItem, findings, OrganizationLevel.ASKED);
    }

    static List<Map<String, Object>> chapters(Checklist checklist, InspectionForm form,
                                              Map<String, List<String>> errorsByItem, List<FindingView> findings,
                                              OrganizationLevel organizationLevel) {
        Map<String, List<Map<String, Object>>> byChapter = new LinkedHashMap<>();
        for (ChecklistItem item : checklist.items()) {
            byChapter.computeIfAbsent(item.chapter(), c -> new ArrayList<>())
                    .add(item(checklist, item, form, errorsByItem.getOrDefault(item.id(), List.of()), findings, organizationLevel));
        }
        List<Map<String, Object>> chapters = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, List<Map<String, Object>>> chapter : byChapter.entrySet()) {
            number++;
            long answered = chapter.getValue().stream().filter(i -> (Boolean) i.get("answered") && !(Boolean) i.get("orgLevel")).count();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("number", number);
            c.put("anchor", "chapter-" + number);
            c.put("name", chapter.getKey());
            c.put("answered", answered);
            c.put("total", chapter.getValue().stream().filter(i -> !(Boolean) i.get("orgLevel")).count());
            c.put("items", chapter.getValue());
            chapters.add(c);
        }
        return chapters;
    }

    private static Map<String, Object> item(Checklist checklist, ChecklistItem item, InspectionForm form,
                                            List<String> errors, List<FindingView> findings, OrganizationLevel organizationLevel) {
        boolean orgLevel = item.organizationLevel() && !organizationLevel.asked();
        InspectionForm answers = orgLevel ? organizationLevel.officeAnswers() : form;
        InspectionForm.Values v = answers.get(item.id());
        boolean gated = answers.gateClosed(checklist, item);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", item.id());
        m.put("scope", item.scope().name());
        m.put("orgLevel", orgLevel);
        m.put("orgLevelNote", !item.organizationLevel() ? ""
                : orgLevel ? "組織全体の項目: " + (organizationLevel.office() == null ? "情報セキュリティ担当課" : organizationLevel.office())
                        + "が全庁分を回答します(この課の回答は不要で、課の状況に影響しません)。"
                        + (v.answered() ? "" : " 今年度の回答はまだありません。")
                : "組織全体の項目: この課の回答が全庁分の回答になります。");
        m.put("question", item.question());
        m.put("guidance", item.guidance() == null ? "" : item.guidance());
        m.put("severity", item.severity().name());
        m.put("severityWord", switch (item.severity()) {
            case HIGH -> "重要度 高";
            case MEDIUM -> "重要度 中";
            case LOW -> "重要度 低";
        });
        m.put("iso", item.isoRefs() == null ? "" : String.join("、", item.isoRefs()));
        m.put("percent", item.answerType() == AnswerType.PERCENT);
        m.put("threshold", item.threshold());
        m.put("naAllowed", Boolean.TRUE.equals(item.naAllowed()) || item.dependsOn() != null);
        m.put("dependsOn", item.dependsOn());
        m.put("evidenceRequired", Boolean.TRUE.equals(item.evidenceRequired()));
        m.put("gated", gated);
        m.put("answer", v.answer());
        m.put("value", v.value());
        m.put("evidence", v.evidence());
        m.put("action", v.remediationAction());
        m.put("due", v.remediationDue());
        m.put("answered", gated || v.answered());
        m.put("errors", errors);
        m.put("findings", findings.stream().filter(f -> item.id().equals(f.target().itemId()))
                .map(f -> Map.of("ruleId", f.ruleId(), "severity", f.severity().name(), "message", f.message())).toList());
        return m;
    }
}
