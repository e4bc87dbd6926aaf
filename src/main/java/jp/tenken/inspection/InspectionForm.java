package jp.tenken.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The self-inspection form's values exactly as typed, item by item (a percentage may be "9x", a
 * date may be half written): what a draft keeps and a refused form shows again. A submission is
 * made of it by {@link #toSubmissionJson}, then read by the same reader as the API's body, so the
 * form never has a check of its own.
 */
public final class InspectionForm {

    /** One item's fields as typed; empty strings for nothing. */
    public record Values(String answer, String value, String evidence, String remediationAction, String remediationDue) {
        public static final Values EMPTY = new Values("", "", "", "", "");

        public Values {
            answer = answer == null ? "" : answer;
            value = value == null ? "" : value;
            evidence = evidence == null ? "" : evidence;
            remediationAction = remediationAction == null ? "" : remediationAction;
            remediationDue = remediationDue == null ? "" : remediationDue;
        }

        boolean blank() {
            return answer.isBlank() && value.isBlank() && evidence.isBlank() && remediationAction.isBlank()
                    && remediationDue.isBlank();
        }

        /** Answered: an answer chosen or a percentage typed. */
        public boolean answered() {
            return !answer.isBlank() || !value.isBlank();
        }
    }

    /** Form field names: {@code answer.HUM-03}, {@code value.HUM-04}, … */
    static final String ANSWER = "answer.";
    static final String VALUE = "value.";
    static final String EVIDENCE = "evidence.";
    static final String ACTION = "action.";
    static final String DUE = "due.";

    private final Map<String, Values> values;

    private InspectionForm(Map<String, Values> values) {
        this.values = values;
    }

    public static InspectionForm empty() {
        return new InspectionForm(new LinkedHashMap<>());
    }

    /** The items' values as posted by the form, in the checklist's order; unknown fields are ignored. */
    public static InspectionForm posted(Checklist checklist, Map<String, String> fields) {
        Map<String, Values> values = new LinkedHashMap<>();
        for (ChecklistItem item : checklist.items()) {
            String id = item.id();
            values.put(id, new Values(fields.get(ANSWER + id), fields.get(VALUE + id), fields.get(EVIDENCE + id),
                    fields.get(ACTION + id), fields.get(DUE + id)));
        }
        return new InspectionForm(values).withGatesApplied(checklist);
    }

    /** The answers of a stored submission, as the form shows them (last year's as a starting point, say). */
    public static InspectionForm of(InspectionSubmission submission) {
        Map<String, Values> values = new LinkedHashMap<>();
        for (Answer a : submission.answers()) {
            values.put(a.itemId(), new Values(
                    a.answer() == null ? "" : a.answer().name(),
                    a.value() == null ? "" : a.value().stripTrailingZeros().toPlainString(),
                    a.evidence(),
                    a.remediation() == null ? "" : a.remediation().action(),
                    a.remediation() == null || a.remediation().dueDate() == null ? "" : a.remediation().dueDate().toString()));
        }
        return new InspectionForm(values);
    }

    /** A saved draft's values, exactly as they were typed. */
    public static InspectionForm of(InspectionDraft draft) {
        Map<String, Values> values = new LinkedHashMap<>();
        for (DraftAnswer a : draft.answers()) {
            values.put(a.itemId(), new Values(a.answer(), a.value(), a.evidence(), a.remediationAction(), a.remediationDue()));
        }
        return new InspectionForm(values);
    }

    /** The draft of the form: every item with something typed, as typed. */
    public DraftRequest toDraft(String checklistId) {
        return new DraftRequest(checklistId, values.entrySet().stream()
                .filter(e -> !e.getValue().blank())
                .map(e -> new DraftAnswer(e.getKey(), e.getValue().answer(), e.getValue().value(), e.getValue().evidence(),
                        e.getValue().remediationAction(), e.getValue().remediationDue()))
                .toList());
    }

    /** Values by item id. */
    public static InspectionForm of(Map<String, Values> values) {
        return new InspectionForm(new LinkedHashMap<>(values));
    }

    public Values get(String itemId) {
        return values.getOrDefault(itemId, Values.EMPTY);
    }

    public Map<String, Values> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * CONTRACT §8: an item behind a gate answered NO or NA is set to NA (its controls are greyed and
     * disabled, so the browser does not send them).
     */
    InspectionForm withGatesApplied(Checklist checklist) {
        for (ChecklistItem item : checklist.items()) {
            if (gateClosed(checklist, item)) {
                Values old = get(item.id());
                values.put(item.id(), new Values("NA", "", old.evidence(), "", ""));
            }
        }
        return this;
    }

    /** Whether the item's gate (its {@code dependsOn} item) is answered NO or NA. */
    public boolean gateClosed(Checklist checklist, ChecklistItem item) {
        if (item.dependsOn() == null) {
            return false;
        }
        String gate = get(item.dependsOn()).answer();
        return "NO".equals(gate) || "NA".equals(gate);
    }

    /**
     * The submission the form stands for, as the JSON body of {@code POST /api/v1/inspections}:
     * each answered item in the checklist's order, values as typed (a percentage that is not a
     * number stays text, so the reader refuses it naming {@code answers[i].value}).
     * {@code order} receives the item id of each answer index, to show an error beside its item.
     */
    public byte[] toSubmissionJson(ObjectMapper json, Checklist checklist, String organization, String department,
                                   int fiscalYear, LocalDate submittedOn, java.util.List<String> order) {
        ObjectNode body = json.createObjectNode();
        body.put("checklistId", checklist.id());
        body.put("organization", organization);
        body.put("department", department);
        body.put("fiscalYear", fiscalYear);
        body.put("submittedOn", submittedOn.toString());
        ArrayNode answers = body.putArray("answers");
        for (ChecklistItem item : checklist.items()) {
            Values v = get(item.id());
            if (v.blank()) {
                continue;
            }
            ObjectNode answer = answers.addObject();
            answer.put("itemId", item.id());
            if (!v.answer().isBlank()) {
                answer.put("answer", v.answer().strip());
            }
            if (!v.value().isBlank() && !"NA".equals(v.answer().strip())) {
                String typed = v.value().strip();
                try {
                    answer.put("value", new BigDecimal(typed));
                } catch (NumberFormatException e) {
                    answer.put("value", typed);
                }
            }
            if (!v.evidence().isBlank()) {
                answer.put("evidence", v.evidence());
            }
            if (!v.remediationAction().isBlank() || !v.remediationDue().isBlank()) {
                ObjectNode remediation = answer.putObject("remediation");
                if (!v.remediationAction().isBlank()) {
                    remediation.put("action", v.remediationAction());
                }
                if (!v.remediationDue().isBlank()) {
                    remediation.put("dueDate", v.remediationDue().strip());
                }
            }
            order.add(item.id());
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
