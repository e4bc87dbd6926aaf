package jp.tenken.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistRegistry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, point 3: every stored submission keeps the checklist version it answered and is shown with
 * it. A submission stored against the 2025 version (checklists/previous/, as one submitted before the
 * 2026 version came would be) is read back and shown as 2025 with that version's items; a new one as 2026.
 */
@MicronautTest
class InspectionVersionShownTest {

    private static final String DEPARTMENT = "職員課";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    @Inject
    InspectionStore store;

    @Inject
    ChecklistRegistry checklists;

    private Http.Answer get(String user, String uri) {
        return Http.sendAs(client, user, HttpRequest.GET(uri));
    }

    @Test
    void aSubmissionOfThe2025VersionIsShownWith2025AndANewOneWith2026() throws Exception {
        String officer = TestUsers.officer(context, "officer-shokuin-versions", DEPARTMENT);
        Checklist previous = checklists.checklist(Submissions.CHECKLIST.id(), "2025").orElseThrow();
        // EVA-04 is in 2025 only (removed in 2026), TEC-18 in 2026 only.
        assertTrue(previous.item("EVA-04").isPresent() && previous.item("TEC-18").isEmpty());
        InspectionSubmission old = new InspectionSubmission(previous.id(), "hiratsuka", DEPARTMENT, 2023, LocalDate.of(2023, 10, 16),
                List.of(new Answer("EVA-04", AnswerValue.YES, null, "設定点検記録 2023-09", null)));
        StoredInspection stored = store.store(new InspectionCheck(old, DEPARTMENT, previous, "rules-2025",
                List.of(), InspectionStatus.COMPLIANT), officer);

        JsonNode oldRead = json.readTree(get(officer, "/api/v1/inspections/" + stored.id()).body());
        assertEquals("2025", oldRead.get("checklistVersion").asText(), oldRead.toString());
        Http.Answer oldPage = get(officer, "/inspections/" + stored.id());
        assertEquals(200, oldPage.status(), oldPage.body());
        assertTrue(oldPage.body().contains("情報セキュリティ自己点検票(2025年版)"), "the version on the page");
        assertTrue(oldPage.body().contains("id=\"item-EVA-04\""), "the items of the version it answered");
        assertTrue(oldPage.body().contains(">設定点検記録 2023-09</textarea>"), "with its answers");
        assertFalse(oldPage.body().contains("id=\"item-TEC-18\""), "not the current version's items");

        Http.Answer created = Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections",
                json.writeValueAsBytes(Submissions.compliant(DEPARTMENT, 2023))).contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, created.status(), created.body());
        String id = json.readTree(created.body()).get("id").asText();
        JsonNode newRead = json.readTree(get(officer, "/api/v1/inspections/" + id).body());
        assertEquals("2026", newRead.get("checklistVersion").asText(), newRead.toString());
        Http.Answer newPage = get(officer, "/inspections/" + id);
        assertEquals(200, newPage.status(), newPage.body());
        assertTrue(newPage.body().contains("情報セキュリティ自己点検票(2026年版)"), "the version on the page");
        assertTrue(newPage.body().contains("id=\"item-TEC-18\""));
        assertFalse(newPage.body().contains("id=\"item-EVA-04\""));

        // The earlier one, superseded, keeps its version.
        assertEquals("2025", json.readTree(get(officer, "/api/v1/inspections/" + stored.id()).body()).get("checklistVersion").asText());
        assertTrue(get(officer, "/inspections/" + stored.id()).body().contains("(2025年版)"));
    }
}
