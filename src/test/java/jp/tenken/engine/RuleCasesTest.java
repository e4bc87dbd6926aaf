package jp.tenken.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.tenken.TestEngine;
import jp.tenken.audit.AuditChecker;
import jp.tenken.audit.AuditRecord;
import jp.tenken.audit.CoverageInput;
import jp.tenken.checklist.Checklist;
import jp.tenken.compliance.ComplianceInput;
import jp.tenken.compliance.ComplianceRules;
import jp.tenken.checklist.ChecklistLoader;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.inspection.InspectionChecker;
import jp.tenken.inspection.InspectionSubmission;
import jp.tenken.inspection.facts.PreviousAnswer;
import jp.tenken.document.DocumentFormat;
import jp.tenken.plan.AuditRecords;
import jp.tenken.evaluation.EvaluationDocument;
import jp.tenken.plan.PlanDocument;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the test cases that sit beside each rule ({@code rules/<family>/<RULE-ID>.test.yaml}): every
 * case's input goes through the whole pipeline (reading, validation, evaluation), and the targets
 * the rule reports must equal the case's {@code fires} list exactly. Adding a case adds data, not Java.
 */
class RuleCasesTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();

    /** How each family turns its base and a case into findings. */
    private static final Map<String, BiFunction<Map<String, Object>, Map<String, Object>, List<Finding>>> EVALUATORS = Map.of(
            "plan", (base, c) -> TestEngine.planChecker().check(read(merge(base, section(c, "plan")), PlanDocument.class),
                    auditRecords(c)).findings(),
            "inspection", RuleCasesTest::inspect,
            "compliance", (base, c) -> new ComplianceRules(TestEngine.ruleBase())
                    .evaluate(JSON.convertValue(merge(base, section(c, "compliance")), ComplianceInput.class)),
            "audit", RuleCasesTest::audit,
            "evaluation", (base, c) -> TestEngine.evaluationChecker().check(
                    read(merge(section(base, "evaluation"), section(c, "evaluation")), EvaluationDocument.class),
                    read(merge(section(base, "plan"), section(c, "plan")), PlanDocument.class), 1).findings());

    /**
     * A plan case's {@code auditRecords} (fiscal year: the departments audited in it) as the service
     * would answer them from its database; none given, the organization has no audit recorded.
     */
    private static AuditRecords auditRecords(Map<String, Object> c) {
        Map<Integer, Set<String>> byYear = new TreeMap<>();
        section(c, "auditRecords").forEach((year, departments) ->
                byYear.put(Integer.valueOf(year), new TreeSet<>(JSON.convertValue(departments, List.class))));
        if (byYear.isEmpty()) {
            return AuditRecords.NONE;
        }
        return (organization, from, to) -> {
            Map<Integer, Integer> counts = new TreeMap<>();
            for (int year = from; year <= to; year++) {
                counts.put(year, byYear.getOrDefault(year, Set.of()).size());
            }
            return Optional.of(counts);
        };
    }

    /**
     * An audit case: the record (stored as "A1") judged on {@code asOf}, and the coverage of the
     * organization's year; both the record rules and the coverage rules run.
     */
    private static List<Finding> audit(Map<String, Object> base, Map<String, Object> c) {
        AuditChecker checker = new AuditChecker(TestEngine.ruleBase(), TestEngine.registry());
        AuditRecord record = checker.validate(read(merge(section(base, "audit"), section(c, "audit")), AuditRecord.class));
        LocalDate asOf = LocalDate.parse(String.valueOf(c.containsKey("asOf") ? c.get("asOf") : base.get("asOf")));
        List<Finding> findings = new ArrayList<>(checker.check(Map.of("A1", record), asOf));
        findings.addAll(checker.coverage(JSON.convertValue(merge(section(base, "coverage"), section(c, "coverage")), CoverageInput.class)));
        return findings;
    }

    /**
     * An inspection case: the case's checklist (or the base's), checked as the loader checks one;
     * the base submission with the case's keys; earlier answers as {@code previous}, of the previous
     * fiscal year unless an entry gives its {@code fiscalYear}.
     */
    private static List<Finding> inspect(Map<String, Object> base, Map<String, Object> c) {
        Checklist checklist = JSON.convertValue(c.containsKey("checklist") ? c.get("checklist") : base.get("checklist"), Checklist.class);
        assertEquals(List.of(), ChecklistLoader.problems(checklist), "the case's checklist is valid");
        InspectionSubmission submission = read(merge(section(base, "inspection"), section(c, "inspection")), InspectionSubmission.class);
        List<PreviousAnswer> previous = new ArrayList<>();
        for (Object p : (List<?>) (c.containsKey("previous") ? c.get("previous") : base.getOrDefault("previous", List.of()))) {
            Map<?, ?> answer = (Map<?, ?>) p;
            Object year = answer.get("fiscalYear");
            previous.add(new PreviousAnswer(String.valueOf(answer.get("itemId")), String.valueOf(answer.get("answer")),
                    year == null ? submission.fiscalYear() - 1 : ((Number) year).intValue()));
        }
        InspectionChecker checker = new InspectionChecker(TestEngine.ruleBase(),
                new ChecklistRegistry(Map.of(checklist.id(), checklist)), TestEngine.registry());
        return checker.check(submission, previous).findings();
    }

    @TestFactory
    Stream<DynamicNode> everyRuleBehavesAsItsCasesSay() throws IOException {
        List<DynamicNode> rules = new ArrayList<>();
        for (Path file : caseFiles()) {
            String family = file.getParent().getFileName().toString();
            String ruleId = ruleIdOf(file);
            Map<String, Object> base = base(family);
            List<DynamicTest> tests = new ArrayList<>();
            for (Map<String, Object> c : cases(file)) {
                String name = String.valueOf(c.get("name"));
                tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> {
                    Set<String> actual = new TreeSet<>();
                    for (Finding f : EVALUATORS.get(family).apply(base, c)) {
                        if (f.ruleId().equals(ruleId)) {
                            actual.add(JSON.writeValueAsString(f.target()));
                            // Every key the finding's target has is declared on its rule (@targetKeys): a
                            // waiver may name it (CONTRACT §12).
                            List<String> declared = TestEngine.ruleBase().rule(ruleId).orElseThrow().targetKeys();
                            for (Object key : JSON.convertValue(f.target(), Map.class).keySet()) {
                                assertTrue(declared.contains(String.valueOf(key)),
                                        ruleId + " / " + name + ": target key " + key + " is not in @targetKeys " + declared);
                            }
                        }
                    }
                    Set<String> expected = new TreeSet<>();
                    for (Object target : (List<?>) c.getOrDefault("fires", List.of())) {
                        expected.add(JSON.writeValueAsString(JSON.convertValue(target, Target.class)));
                    }
                    assertEquals(expected, actual, ruleId + " / " + name);
                }));
            }
            rules.add(DynamicContainer.dynamicContainer(ruleId, file.toUri(), tests.stream()));
        }
        return rules.stream();
    }

    @Test
    void everyRuleHasAFiringAndASilentCase() throws IOException {
        for (Path file : caseFiles()) {
            List<Map<String, Object>> cases = cases(file);
            assertTrue(cases.stream().anyMatch(c -> !((List<?>) c.getOrDefault("fires", List.of())).isEmpty()),
                    file + " has no case that makes the rule fire");
            assertTrue(cases.stream().anyMatch(c -> ((List<?>) c.getOrDefault("fires", List.of())).isEmpty()),
                    file + " has no case that keeps the rule silent");
        }
    }

    @Test
    void everyRuleHasCasesAndEveryCaseFileHasItsRule() throws IOException {
        Set<String> withCases = new TreeSet<>();
        for (Path file : caseFiles()) {
            withCases.add(ruleIdOf(file));
        }
        Set<String> rules = new TreeSet<>();
        TestEngine.ruleBase().rules().forEach(r -> rules.add(r.id()));
        assertEquals(rules, withCases);
    }

    @Test
    void theBaseOfEachFamilyRaisesNoFindingAtAll() throws IOException {
        for (String family : EVALUATORS.keySet()) {
            assertEquals(List.of(), EVALUATORS.get(family).apply(base(family), Map.of()), "rules/" + family + "/base.test.yaml");
        }
    }

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(TestEngine.RULES)) {
            List<Path> files = walk.filter(p -> p.getFileName().toString().endsWith(".test.yaml"))
                    .filter(p -> !p.getFileName().toString().equals("base.test.yaml"))
                    .sorted().toList();
            assertFalse(files.isEmpty(), "no rule cases found under " + TestEngine.RULES);
            return files;
        }
    }

    private static String ruleIdOf(Path file) {
        return file.getFileName().toString().replace(".test.yaml", "");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(Path file) throws IOException {
        Map<String, Object> doc = YAML.readValue(file.toFile(), Map.class);
        return (List<Map<String, Object>>) doc.get("cases");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> base(String family) throws IOException {
        return YAML.readValue(TestEngine.RULES.resolve(family).resolve("base.test.yaml").toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** The case's top-level keys replace the base's. */
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(override);
        return merged;
    }

    private static <T> T read(Map<String, Object> input, Class<T> type) {
        try {
            return TestEngine.reader().read(JSON.writeValueAsBytes(input), DocumentFormat.JSON, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
