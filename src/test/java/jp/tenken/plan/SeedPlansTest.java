package jp.tenken.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.engine.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The city's real plans (seeds/plans) give exactly the findings listed in
 * src/test/resources/seed-plan-findings/: a rule change that alters what is found on the real
 * documents shows up here, and docs/findings-on-hiratsuka-plans.md must be updated with it.
 */
class SeedPlansTest {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everySeedPlanGivesExactlyItsDocumentedFindings() throws IOException {
        try (Stream<Path> plans = Files.list(TestEngine.SEEDS.resolve("plans"))) {
            return plans.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream()
                    .map(plan -> DynamicTest.dynamicTest(plan.getFileName().toString(), () -> {
                        PlanDocument document = TestEngine.reader().read(Files.readAllBytes(plan), DocumentFormat.YAML, PlanDocument.class);
                        assertEquals(expected(plan), actual(TestEngine.planChecker().check(document).findings()));
                    }));
        }
    }

    private static Set<String> actual(List<Finding> findings) throws IOException {
        Set<String> pairs = new TreeSet<>();
        for (Finding f : findings) {
            pairs.add(f.ruleId() + " " + JSON.writeValueAsString(f.target()));
        }
        return pairs;
    }

    private static Set<String> expected(Path plan) throws IOException {
        String name = plan.getFileName().toString();
        JsonNode list = YAML.readTree(Path.of("src/test/resources/seed-plan-findings", name).toFile());
        Set<String> pairs = new TreeSet<>();
        for (JsonNode entry : list) {
            pairs.add(entry.get("ruleId").asText() + " " + JSON.writeValueAsString(entry.get("target")));
        }
        return pairs;
    }
}
