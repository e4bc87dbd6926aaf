package jp.tenken.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.tenken.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sends the service every kind of write Tenken has — plan versions, self-inspections, audits and
 * the completion of a corrective action — back to back, and remembers each one it answered with
 * 2xx together with how to find it again.
 */
final class AcknowledgedWrites {

    private static final ObjectMapper JSON = new JsonMapper();
    private static final Path INSPECTION = Path.of("docs/examples/inspection-shimin-2025.yaml");
    private static final String COMPLETED_ON = "2025-01-10";

    /** One acknowledged write: what it was, where it is read back, and what the answer must hold. */
    record Write(String what, String path, Predicate<JsonNode> intact) {

        /** Whether the service answers it, intact. */
        boolean isThere(ChildService service) throws Exception {
            ChildService.Answer answer = service.get(path);
            return answer.status() == 200 && intact.test(JSON.readTree(answer.body()));
        }
    }

    private final ChildService service;
    private final List<Write> acknowledged = new ArrayList<>();

    AcknowledgedWrites(ChildService service) {
        this.service = service;
    }

    /**
     * {@code rounds} rounds of three plan versions (spread over a few plan ids), a self-inspection,
     * an audit and a completion; the last write is a completion, so every kind is among the last
     * writes before the caller kills the service.
     */
    List<Write> send(int rounds) throws Exception {
        byte[] inspection = Files.readAllBytes(INSPECTION);
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 3; i++) {
                plan("durable-" + (round * 3 + i) % 4);
            }
            inspection(inspection);
            completion(audit());
        }
        return List.copyOf(acknowledged);
    }

    private void plan(String id) throws Exception {
        String body = Fixtures.SMALL_PLAN.replace("\"id\": \"p\"", "\"id\": \"" + id + "\"");
        JsonNode stored = expect(201, service.post("/api/v1/plans", "application/json", body.getBytes(StandardCharsets.UTF_8)));
        int version = stored.get("version").asInt();
        acknowledged.add(new Write("plan " + id + " version " + version, "/api/v1/plans/" + id + "/versions/" + version,
                read -> read.path("version").asInt() == version && id.equals(read.path("document").path("id").asText())));
    }

    private void inspection(byte[] body) throws Exception {
        String id = expect(201, service.post("/api/v1/inspections", "application/x-yaml", body)).get("id").asText();
        acknowledged.add(new Write("self-inspection " + id, "/api/v1/inspections/" + id,
                read -> id.equals(read.path("id").asText())));
    }

    private String audit() throws Exception {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("organization", "hiratsuka");
        record.put("department", "保育課");
        record.put("fiscalYear", 2024);
        record.put("auditedOn", "2024-11-20");
        record.put("auditors", List.of(Map.of("name", "監査員A", "department", "職員課")));
        record.put("findings", List.of(Map.of("id", "F1", "itemId", "PHY-02", "severity", "HIGH", "description", "未施錠",
                "correctiveAction", Map.of("action", "施錠する", "dueDate", "2025-03-31"))));
        String id = expect(201, service.post("/api/v1/audits", "application/json", JSON.writeValueAsBytes(record)))
                .get("id").asText();
        acknowledged.add(new Write("audit " + id, "/api/v1/audits/" + id, read -> id.equals(read.path("id").asText())));
        return id;
    }

    private void completion(String auditId) throws Exception {
        expect(200, service.post("/api/v1/audits/" + auditId + "/findings/F1/completion", "application/json",
                JSON.writeValueAsBytes(Map.of("completedOn", COMPLETED_ON))));
        acknowledged.add(new Write("completion of F1 in audit " + auditId, "/api/v1/audits/" + auditId,
                read -> COMPLETED_ON.equals(read.path("record").path("findings").path(0)
                        .path("correctiveAction").path("completedOn").asText())));
    }

    private static JsonNode expect(int status, ChildService.Answer answer) throws Exception {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
