package jp.tenken.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import jp.tenken.api.Http;
import jp.tenken.inspection.Submissions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The records the reminder tests share, sent over HTTP as their officers and auditor would: 市民課's
 * FY2025 self-inspection with two remediations (ORG-01 due 2025-11-30, PHY-02 due 2026-01-10) and
 * its FY2024 one (superseded in reminders by FY2025's), 保育課's with one due 2025-12-01, and an
 * audit of 市民課 (F1 due 2025-12-10 open, F2 due 2025-12-05 completed on 2025-12-01, F3 due
 * 2026-06-30 open).
 */
final class ReminderRecords {

    static final String SHIMIN = "市民課";
    static final String HOIKU = "保育課";

    private ReminderRecords() {
    }

    /** Sends the records; answers the ids: inspection of 市民課 FY2025, of 保育課, and the audit. */
    static Map<String, String> send(HttpClient client, ObjectMapper json, String shiminOfficer, String hoikuOfficer,
                                    String auditor) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        post(client, json, shiminOfficer, "/api/v1/inspections", shiminInspection(2024, "2025-03-31"));
        ids.put("shimin", post(client, json, shiminOfficer, "/api/v1/inspections", shiminInspection(2025, "2025-11-30")));
        ids.put("hoiku", post(client, json, hoikuOfficer, "/api/v1/inspections", Submissions.submission(HOIKU, 2025,
                id -> id.equals("PHY-02") ? remediation("NO", "鍵の貸出簿を作る", "2025-12-01") : null)));
        ids.put("audit", post(client, json, auditor, "/api/v1/audits", audit()));
        Http.Answer completion = Http.sendAs(client, auditor, HttpRequest.POST("/api/v1/audits/" + ids.get("audit")
                + "/findings/F2/completion", "{\"completedOn\": \"2025-12-01\"}").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, completion.status(), completion.body());
        return ids;
    }

    /** 市民課's self-inspection of a year: ORG-01 PARTIAL due {@code orgDue}, PHY-02 NO due 2026-01-10. */
    static Map<String, Object> shiminInspection(int fiscalYear, String orgDue) {
        return Submissions.submission(SHIMIN, fiscalYear, id -> switch (id) {
            case "ORG-01" -> remediation("PARTIAL", "担当者を課内に周知する", orgDue);
            case "PHY-02" -> remediation("NO", "施錠キャビネットを導入", "2026-01-10");
            default -> null;
        });
    }

    static Map<String, Object> remediation(String answer, String action, String dueDate) {
        return Map.of("answer", answer, "evidence", "確認した", "remediation", Map.of("action", action, "dueDate", dueDate));
    }

    static Map<String, Object> audit() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", "hiratsuka");
        body.put("department", SHIMIN);
        body.put("fiscalYear", 2025);
        body.put("auditedOn", "2025-11-20");
        body.put("auditors", List.of(Map.of("name", "監査員A", "department", "デジタル推進課")));
        body.put("findings", List.of(
                finding("F1", "PHY-02", "窓口後方の申請書を施錠保管する", "2025-12-10"),
                finding("F2", "HUM-04", "未受講者に受講させる", "2025-12-05"),
                finding("F3", "ORG-01", "担当者の任命を文書にする", "2026-06-30")));
        return body;
    }

    private static Map<String, Object> finding(String id, String itemId, String action, String dueDate) {
        Map<String, Object> correctiveAction = new LinkedHashMap<>();
        correctiveAction.put("action", action);
        correctiveAction.put("dueDate", dueDate);
        return Map.of("id", id, "itemId", itemId, "severity", "HIGH", "description", "指摘", "correctiveAction", correctiveAction);
    }

    private static String post(HttpClient client, ObjectMapper json, String user, String path, Object body) throws Exception {
        Http.Answer answer = Http.sendAs(client, user, HttpRequest.POST(path, json.writeValueAsString(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(201, answer.status(), answer.body());
        return json.readTree(answer.body()).get("id").asText();
    }
}
