package jp.tenken.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.tenken.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, graceful stop: SIGTERM while 50 writes are in flight. Every write answered 2xx is
 * stored, every other one is answered 503 in the error shape (or finds the port closed), none a
 * 500, and nothing is half-written: each stored plan is whole, with its entry in the activity log,
 * and none that was refused is stored. The SIGTERM is sent at the first answer and the test checks
 * that it did meet writes in flight: at least one of the fifty is answered after it or refused with
 * 503 'stopping'. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class StoppedServiceContract {

    private static final ObjectMapper JSON = new JsonMapper();
    private static final int WRITES = 50;

    @TempDir
    Path dir;

    /** The configuration that points the service at this test's database (system properties). */
    protected abstract Map<String, String> database(Path dir) throws Exception;

    /**
     * What became of one write: its HTTP answer, or no answer at all (the port closed), and when
     * ({@link System#nanoTime}) the client had it.
     */
    private record Outcome(String planId, ChildService.Answer answer, String noAnswer, long at) {
        Outcome(String planId, ChildService.Answer answer) {
            this(planId, answer, null, System.nanoTime());
        }

        Outcome(String planId, IOException noAnswer) {
            this(planId, null, noAnswer.toString(), System.nanoTime());
        }

        boolean acknowledged() {
            return answer != null && answer.status() / 100 == 2;
        }
    }

    @Test
    @Timeout(300)
    void writesInFlightAtSigtermAreEitherStoredAndAcknowledgedOrRefusedWhole() throws Exception {
        Map<String, String> database = database(dir);
        Path log = dir.resolve("service.log");
        String plan = Files.readString(Fixtures.DX_PLAN);
        int initiatives = JSON.readTree(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(plan).toString())
                .path("initiatives").size();
        List<Outcome> outcomes = new ArrayList<>();
        List<Outcome> lateOutcomes = new ArrayList<>();
        long sigtermSent;
        ChildService service = ChildService.start(database, log);
        ExecutorService writers = Executors.newFixedThreadPool(WRITES);
        try {
            // One write first, so that what a service does once (validator, rule session, JIT)
            // is done before the fifty: they are then in flight for as long as writes are.
            outcomes.add(new Outcome("stopped-warm-up", service.post("/api/v1/plans", "application/yaml",
                    plan.replace("id: hiratsuka-dx-action-plan", "id: stopped-warm-up").getBytes(StandardCharsets.UTF_8))));
            CountDownLatch firstAnswer = new CountDownLatch(1);
            List<Future<Outcome>> sent = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                String planId = "stopped-" + i;
                byte[] body = plan.replace("id: hiratsuka-dx-action-plan", "id: " + planId).getBytes(StandardCharsets.UTF_8);
                sent.add(writers.submit(() -> {
                    try {
                        Outcome outcome = new Outcome(planId, service.post("/api/v1/plans", "application/yaml", body));
                        firstAnswer.countDown();
                        return outcome;
                    } catch (IOException noAnswer) {
                        return new Outcome(planId, noAnswer);
                    }
                }));
            }
            if (!firstAnswer.await(120, TimeUnit.SECONDS)) {
                throw new AssertionError("no write was answered: " + sent.get(0).get().noAnswer() + "; the service's log:\n" + tail(log));
            }
            // SIGTERM, as an operator's stop or a container's would send, at the first answer: the
            // rest (all but a few of the fifty) are still in flight or not yet admitted.
            sigtermSent = service.terminate();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
                try {
                    service.close(); // waits for the stop (a second SIGTERM changes nothing)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // Writes keep coming while the service stops, until its port is closed.
            for (int late = 0; late < 1000; late++) {
                String planId = "late-" + late;
                byte[] body = plan.replace("id: hiratsuka-dx-action-plan", "id: " + planId).getBytes(StandardCharsets.UTF_8);
                Outcome outcome;
                try {
                    outcome = new Outcome(planId, service.post("/api/v1/plans", "application/yaml", body));
                } catch (IOException noAnswer) {
                    outcome = new Outcome(planId, noAnswer);
                }
                lateOutcomes.add(outcome);
                if (outcome.answer() == null) {
                    break;
                }
            }
            for (Future<Outcome> outcome : sent) {
                outcomes.add(outcome.get(120, TimeUnit.SECONDS));
            }
            stopped.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
            service.kill();
        }

        System.out.printf("SIGTERM after the first answer: %d acknowledged (%d after the SIGTERM), %d answered 503, %d unanswered of %d writes;"
                        + " sent while stopping: %d acknowledged, %d answered 503, %d unanswered%n",
                outcomes.stream().filter(Outcome::acknowledged).count(),
                outcomes.stream().filter(o -> o.acknowledged() && o.at() > sigtermSent).count(),
                outcomes.stream().filter(o -> o.answer() != null && isStopping(o.answer())).count(),
                outcomes.stream().filter(o -> o.answer() == null).count(), outcomes.size(),
                lateOutcomes.stream().filter(Outcome::acknowledged).count(),
                lateOutcomes.stream().filter(o -> o.answer() != null && isStopping(o.answer())).count(),
                lateOutcomes.stream().filter(o -> o.answer() == null).count());
        long finishedOrRefusedWhileStopping = outcomes.stream()
                .filter(o -> o.answer() != null && (o.at() > sigtermSent || isStopping(o.answer()))).count();
        assertTrue(finishedOrRefusedWhileStopping > 0, "SIGTERM came while writes were in flight: at least one of the fifty"
                + " answered after it or refused with 503 'stopping'; answers: " + outcomes.stream()
                .map(o -> o.planId() + "=" + (o.answer() == null ? "none" : o.answer().status() + (o.at() > sigtermSent ? " after" : " before")))
                .toList());
        outcomes.addAll(lateOutcomes);
        List<String> wrongAnswers = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.answer() != null && !outcome.acknowledged() && !isStopping(outcome.answer())) {
                wrongAnswers.add(outcome.planId() + ": " + outcome.answer().status() + " " + outcome.answer().body());
            }
        }
        assertEquals(List.of(), wrongAnswers, "a write not stored must be answered 503 'stopping' in the error shape; the service's log:\n"
                + tail(log));

        try (ChildService second = ChildService.start(database, log)) {
            List<String> lost = new ArrayList<>();
            List<String> halfWritten = new ArrayList<>();
            List<String> refusedYetStored = new ArrayList<>();
            int stored = 0;
            for (Outcome outcome : outcomes) {
                ChildService.Answer read = second.get("/api/v1/plans/" + outcome.planId() + "/versions/1");
                boolean isStored = read.status() == 200;
                if (isStored) {
                    stored++;
                    if (JSON.readTree(read.body()).path("document").path("initiatives").size() != initiatives) {
                        halfWritten.add(outcome.planId());
                    }
                }
                if (outcome.acknowledged() && !isStored) {
                    lost.add(outcome.planId());
                }
                if (outcome.answer() != null && !outcome.acknowledged() && isStored) {
                    refusedYetStored.add(outcome.planId());
                }
            }
            assertEquals(List.of(), lost, "acknowledged writes lost");
            assertEquals(List.of(), halfWritten, "plans stored without all their initiatives");
            assertEquals(List.of(), refusedYetStored, "writes answered 503 yet stored");
            JsonNode activity = JSON.readTree(second.get("/api/v1/activity?organization=hiratsuka&action=PLAN_STORED&limit=1000").body());
            assertEquals(stored, activity.size(), "one PLAN_STORED entry for each stored plan, no more, no less");
            assertEquals(List.of(), outcomes.stream().filter(o -> o.noAnswer() != null && !o.planId().startsWith("late-"))
                    .map(o -> o.planId() + ": " + o.noAnswer()).toList(), "writes in flight at SIGTERM left without an answer");
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static boolean isStopping(ChildService.Answer answer) {
        try {
            return answer.status() == 503 && "stopping".equals(JSON.readTree(answer.body()).path("code").asText())
                    && !JSON.readTree(answer.body()).path("message").asText().isEmpty();
        } catch (IOException notJson) {
            return false;
        }
    }
}
