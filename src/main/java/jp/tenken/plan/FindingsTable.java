package jp.tenken.plan;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.engine.Finding;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.RuleDescriptor;
import jp.tenken.engine.Severity;
import jp.tenken.engine.Target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.tenken.text.JapaneseDates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings table of the plan editor's pages (CONTRACT §8): the findings of a check or of a
 * stored version, filtered by severity, rule and initiative (GET query parameters, so that it works
 * without script and a filtered table has an address), {@value #PAGE_SIZE} to a page. Only the
 * shown page's messages are rendered, so a plan with tens of thousands of findings costs a page.
 */
final class FindingsTable {

    static final int PAGE_SIZE = 200;

    /** The plan's fields findings point at, as the plan's readers call them; others are shown as 欄 and their path. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("no", "取組番号"),
            Map.entry("title", "取組名"),
            Map.entry("policyId", "方針"),
            Map.entry("departments", "実施課"),
            Map.entry("upperPlans", "上位計画"),
            Map.entry("years", "年度別計画"),
            Map.entry("result", "実績"),
            Map.entry("status", "状況"),
            Map.entry("actuals", "実績値"),
            Map.entry("budgetThousandYen", "予算(千円)"),
            Map.entry("repostOf", "再掲元"),
            Map.entry("period", "計画期間"),
            Map.entry("target.value", "目標値"),
            Map.entry("target.fiscalYear", "目標年度"),
            Map.entry("sheet.title", "個票の取組名"),
            Map.entry("sheet.policyId", "個票の方針"),
            Map.entry("sheet.departments", "個票の実施課"),
            Map.entry("sheet.upperPlans", "個票の上位計画"));

    private FindingsTable() {
    }

    /** The filters and page of a request; a bad value is a 400 naming its parameter. */
    record Filter(Severity severity, String rule, Integer initiative, int page) {

        static Filter of(String severity, String rule, String initiative, String page) {
            return new Filter(severity(severity), blank(rule) ? null : rule.trim(), initiative(initiative), page(page));
        }

        boolean matches(Finding f) {
            return (severity == null || f.severity() == severity)
                    && (rule == null || f.ruleId().equals(rule))
                    && (initiative == null || initiative.equals(f.target().initiativeNo()));
        }

        private static Severity severity(String value) {
            if (blank(value)) {
                return null;
            }
            try {
                return Severity.valueOf(value.trim());
            } catch (IllegalArgumentException e) {
                throw DocumentRejectedException.malformed(Problem.of("severity", "document.enum", "allowed", "ERROR, WARNING, INFO"));
            }
        }

        private static Integer initiative(String value) {
            if (blank(value)) {
                return null;
            }
            if (!value.trim().matches("-?[0-9]{1,9}")) {
                throw DocumentRejectedException.malformed(Problem.of("initiative", "document.type.integer"));
            }
            return Integer.parseInt(value.trim());
        }

        private static int page(String value) {
            if (blank(value)) {
                return 1;
            }
            if (!value.trim().matches("[0-9]{1,9}") || Integer.parseInt(value.trim()) < 1) {
                throw DocumentRejectedException.malformed(Problem.of("page", "query.page"));
            }
            return Integer.parseInt(value.trim());
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * The table's part of a page's model: counts, the filter form's options, the shown rows and
     * the links to other pages of the table. {@code path} is the page's own address without query.
     */
    static Map<String, Object> model(List<Finding> all, Filter filter, String path, RuleBase ruleBase) {
        Map<String, Object> model = new LinkedHashMap<>();
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        Map<String, Integer> perRule = new TreeMap<>();
        List<Finding> matching = new ArrayList<>();
        for (Finding f : all) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
            perRule.merge(f.ruleId(), 1, Integer::sum);
            if (filter.matches(f)) {
                matching.add(f);
            }
        }
        model.put("total", all.size());
        model.put("errors", errors);
        model.put("warnings", warnings);
        model.put("infos", infos);
        model.put("severityOptions", List.of(
                option("", "すべて", filter.severity() == null),
                option("ERROR", "エラー (" + errors + "件)", filter.severity() == Severity.ERROR),
                option("WARNING", "警告 (" + warnings + "件)", filter.severity() == Severity.WARNING),
                option("INFO", "情報 (" + infos + "件)", filter.severity() == Severity.INFO)));
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(option("", "すべて", filter.rule() == null));
        perRule.forEach((id, count) -> rules.add(option(id, id + " " + ruleTitle(ruleBase, id) + " (" + count + "件)",
                id.equals(filter.rule()))));
        model.put("ruleOptions", rules);
        model.put("initiative", filter.initiative());
        model.put("initiativeLabel", filter.initiative() == null ? null : "取組No." + filter.initiative());
        model.put("filtered", filter.severity() != null || filter.rule() != null || filter.initiative() != null);
        model.put("clearHref", path);
        model.put("clearInitiativeHref", href(path, new Filter(filter.severity(), filter.rule(), null, 1)));

        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(filter.page(), pages);
        int from = (page - 1) * PAGE_SIZE;
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        model.put("matching", matching.size());
        model.put("page", page);
        model.put("pages", pages);
        model.put("shownFrom", matching.isEmpty() ? 0 : from + 1);
        model.put("shownTo", to);
        model.put("prevHref", page > 1 ? href(path, withPage(filter, page - 1)) : null);
        model.put("nextHref", page < pages ? href(path, withPage(filter, page + 1)) : null);
        model.put("rows", rows(matching.subList(from, to), ruleBase, path, filter));
        return model;
    }

    /** The rows of findings: severity word, rule with its title, target in words, message in Japanese. */
    static List<Map<String, Object>> rows(List<Finding> findings, RuleBase ruleBase, String path, Filter filter) {
        List<Map<String, Object>> rows = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", f.severity().name());
            row.put("severityWord", severityWord(f.severity()));
            row.put("ruleId", f.ruleId());
            row.put("ruleTitle", ruleTitle(ruleBase, f.ruleId()));
            row.put("target", describe(f.target()));
            Integer no = f.target().initiativeNo();
            row.put("initiativeNo", no);
            row.put("initiativeHref", no == null || path == null ? null
                    : href(path, new Filter(filter == null ? null : filter.severity(), filter == null ? null : filter.rule(), no, 1)));
            row.put("message", ruleBase.messages().render(f, Language.JA));
            // Accepted under a waiver (CONTRACT §12): shown, with why and until when.
            row.put("waived", f.isWaived());
            row.put("waiverText", f.isWaived() ? "適用除外: " + f.waiver().reason() + "(" + JapaneseDates.date(f.waiver().expiresOn())
                    + "まで。件数に数えません)" : "");
            rows.add(row);
        }
        return rows;
    }

    static String severityWord(Severity severity) {
        return switch (severity) {
            case ERROR -> "エラー";
            case WARNING -> "警告";
            case INFO -> "情報";
        };
    }

    static String ruleTitle(RuleBase ruleBase, String ruleId) {
        return ruleBase.rule(ruleId).map(RuleDescriptor::title).orElse("");
    }

    /** A target in Japanese: 取組No.3 / 2025年度 / 市民課 …; 計画全体 when it names nothing. */
    static String describe(Target target) {
        List<String> parts = new ArrayList<>();
        if (target.initiativeNo() != null) {
            parts.add("取組No." + target.initiativeNo());
        }
        if (target.goalId() != null) {
            parts.add("目標 " + target.goalId());
        }
        if (target.fiscalYear() != null) {
            parts.add(target.fiscalYear() + "年度");
        }
        if (target.department() != null) {
            parts.add("課「" + target.department() + "」");
        }
        if (target.itemId() != null) {
            parts.add("項目 " + target.itemId());
        }
        if (target.auditId() != null) {
            parts.add("監査 " + target.auditId());
        }
        if (target.field() != null) {
            parts.add(FIELDS.getOrDefault(target.field(), "欄 " + target.field()));
        }
        return parts.isEmpty() ? "計画全体" : String.join(" / ", parts);
    }

    private static Filter withPage(Filter filter, int page) {
        return new Filter(filter.severity(), filter.rule(), filter.initiative(), page);
    }

    static String href(String path, Filter filter) {
        List<String> query = new ArrayList<>();
        if (filter.severity() != null) {
            query.add("severity=" + filter.severity().name());
        }
        if (filter.rule() != null) {
            query.add("rule=" + URLEncoder.encode(filter.rule(), StandardCharsets.UTF_8));
        }
        if (filter.initiative() != null) {
            query.add("initiative=" + filter.initiative());
        }
        if (filter.page() > 1) {
            query.add("page=" + filter.page());
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected);
    }
}
