package jp.tenken.waiver;

import jp.tenken.api.FindingView;
import jp.tenken.engine.Target;
import jp.tenken.text.JapaneseDates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding as the pages show it, with the 'waive' form an auditor may send for it (hidden fields
 * naming its rule and its target read with its record) and, when a waiver holds for it, the
 * waiver's reason and expiry. Used by every page that shows findings to auditors, so that the form
 * is the same everywhere (the fragment {@code views/waiver/form.html}).
 */
public final class WaiverForms {

    private WaiverForms() {
    }

    /**
     * The model of a finding: {@code ruleId}, {@code severity}, {@code message}, {@code waived}
     * (with {@code waiverReason}, {@code waiverExpires}), and, when {@code mayWaive}, {@code waive}:
     * the form's organization, rule, target fields and the page to come back to.
     */
    public static Map<String, Object> finding(FindingView f, String organization, Map<String, ?> record, boolean mayWaive,
                                              String returnTo) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ruleId", f.ruleId());
        row.put("severity", f.severity().name());
        row.put("message", f.message());
        row.put("waived", f.waiver() != null);
        row.put("waiverReason", f.waiver() == null ? "" : f.waiver().reason());
        row.put("waiverExpires", f.waiver() == null ? "" : JapaneseDates.date(f.waiver().expiresOn()));
        if (mayWaive && f.waiver() == null) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("organization", organization);
            form.put("ruleId", f.ruleId());
            form.put("targets", targetFields(f.target(), record));
            form.put("returnTo", returnTo);
            form.put("minDate", JapaneseDates.today().toString());
            form.put("maxDate", JapaneseDates.today().plusYears(WaiverService.MAX_YEARS).toString());
            row.put("waive", form);
        }
        return row;
    }

    /** The hidden fields {@code target.<key>} of the form: the finding's target, and its record's keys where the target has none. */
    static List<Map<String, String>> targetFields(Target target, Map<String, ?> record) {
        List<Map<String, String>> fields = new ArrayList<>();
        WaiverApplier.keysOf(target == null ? Target.NONE : target, record)
                .forEach((key, value) -> fields.add(Map.of("name", "target." + key, "value", String.valueOf(value))));
        return fields;
    }
}
