package jp.tenken.evaluation;

import io.micronaut.context.ApplicationContext;
import jp.tenken.Fixtures;
import jp.tenken.TestEngine;
import jp.tenken.document.DocumentFormat;
import jp.tenken.plan.PlanDocument;
import jp.tenken.text.JapaneseWords;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracing's settings come from tenken.evaluation.* (application.yml), and they change the traces. */
class TracingSettingsTest {

    @Test
    void theDefaultsOfApplicationYmlAreThoseTheCityWasJudgedWith() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", "jdbc:h2:mem:settings"), "test")) {
            assertEquals(TracingSettings.DEFAULTS, context.getBean(TracingSettings.class));
        }
    }

    @Test
    void aHigherThresholdLeavesResultsUntracedAndWeightsAreRead() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", "jdbc:h2:mem:settings2",
                "tenken.evaluation.threshold", "5", "tenken.evaluation.weights.title", "7"), "test")) {
            TracingSettings settings = context.getBean(TracingSettings.class);
            assertEquals(7, settings.titleWeight());
            PlanDocument plan = TestEngine.reader().read(Files.readAllBytes(Fixtures.DX_PLAN), DocumentFormat.YAML, PlanDocument.class);
            EvaluationDocument evaluation = TestEngine.reader().read(Files.readAllBytes(Fixtures.DX_EVALUATION), DocumentFormat.YAML,
                    EvaluationDocument.class);
            List<Trace> traces = new Tracer(JapaneseWords.loaded(), settings).trace(evaluation, plan,
                    TestEngine.registry().requireDirectory("hiratsuka"));
            assertEquals(32, traces.size());
            assertTrue(traces.stream().noneMatch(Trace::traced), "no result scores 5");
        }
    }
}
