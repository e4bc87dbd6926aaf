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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST/GET /api/v1/inspections and the checklists a submission is answered against, each request as
 * a Hiratsuka security officer of the department concerned (the officer who submits reads it back).
 */
@MicronautTest
class InspectionEndpointTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private Http.Answer submit(String officer, Object body) throws Exception {
        return Http.sendAs(client, officer, HttpRequest.POST("/api/v1/inspections", json.writeValueAsBytes(body))
                .contentType(MediaType.APPLICATION_JSON));
    }

    private JsonNode get(String user, String uri) throws Exception {
        Http.Answer answer = Http.sendAs(client, user, HttpRequest.GET(Http.encodeQuery(uri)));
        assertEquals(200, answer.status(), answer.body());
        return json.readTree(answer.body());
    }

    @Test
    void aSubmissionIsStoredAndAnswered201WithStatusSummaryFindingsAndRemediations() throws Exception {
        String officer = TestUsers.officer(context, "officer-shimin", "市民課");
        Map<String, Object> body = Submissions.submission("市民課", 2025, id -> switch (id) {
            case "HUM-04" -> Map.of("value", 92, "remediation", Map.of("action", "未受講者に受講を指示", "dueDate", "2025-12-26"));
            case "PHY-02" -> Map.of("answer", "NO", "remediation", Map.of("action", "施錠キャビネットを導入", "dueDate", "2026-03-31"));
            default -> null;
        });
        Http.Answer answer = submit(officer, body);
        assertEquals(201, answer.status(), answer.body());
        JsonNode created = json.readTree(answer.body());
        assertEquals("市民課", created.get("department").asText());
        assertEquals(Submissions.CHECKLIST.version(), created.get("checklistVersion").asText(), "the version it answered");
        assertEquals(2025, created.get("fiscalYear").asInt());
        assertEquals("NON_COMPLIANT", created.get("status").asText());
        assertEquals(1, created.get("summary").get("errors").asInt());
        assertEquals("SI-THRESHOLD", created.get("findings").get(0).get("ruleId").asText());
        assertEquals("HUM-04", created.get("findings").get(0).get("target").get("itemId").asText());
        assertEquals("HUM-04", created.get("remediations").get(0).get("itemId").asText());
        assertEquals("2025-12-26", created.get("remediations").get(0).get("dueDate").asText());
        JsonNode read = get(officer, "/api/v1/inspections/" + created.get("id").asText());
        assertEquals(Submissions.CHECKLIST.items().size(), read.get("answers").size());
        assertTrue(read.get("current").asBoolean());
    }

    @Test
    void aLaterSubmissionSupersedesTheEarlierWhichStaysReadable() throws Exception {
        String officer = TestUsers.officer(context, "officer-hoken", "保険年金課");
        String first = json.readTree(submit(officer, Submissions.nonCompliant("保険年金課", 2025)).body()).get("id").asText();
        String second = json.readTree(submit(officer, Submissions.compliant("保険年金課", 2025)).body()).get("id").asText();
        JsonNode old = get(officer, "/api/v1/inspections/" + first);
        assertFalse(old.get("current").asBoolean());
        assertEquals("NON_COMPLIANT", old.get("status").asText());
        JsonNode list = get(officer, "/api/v1/inspections?organization=hiratsuka&fiscalYear=2025&department=保険年金課");
        assertEquals(1, list.size());
        assertEquals(second, list.get(0).get("id").asText());
        assertEquals("COMPLIANT", list.get(0).get("status").asText());
    }

    @Test
    void anUnknownChecklistIs404() throws Exception {
        String officer = TestUsers.officer(context, "officer-shimin", "市民課");
        Map<String, Object> body = new LinkedHashMap<>(Submissions.compliant("市民課", 2025));
        body.put("checklistId", "no-such-checklist");
        Http.Answer answer = submit(officer, body);
        assertEquals(404, answer.status());
        assertEquals("点検票「no-such-checklist」はありません", json.readTree(answer.body()).get("message").asText());
    }

    @Test
    void anUnknownOrGroupDepartmentIs422NamingIt() throws Exception {
        String officer = TestUsers.officer(context, "officer-shimin", "市民課");
        Http.Answer unknown = submit(officer, Submissions.compliant("宇宙開発課", 2025));
        assertEquals(422, unknown.status());
        assertTrue(json.readTree(unknown.body()).get("message").asText().contains("宇宙開発課"));
        Http.Answer group = submit(officer, Submissions.compliant("庁内各課", 2025));
        assertEquals(422, group.status());
        assertEquals("department", json.readTree(group.body()).get("violations").get(0).get("path").asText());
        assertEquals(0, get(officer, "/api/v1/inspections?organization=hiratsuka&department=市民課&fiscalYear=2019").size());
    }

    @Test
    void anAnswerOutsideItsItemsTypeIs400NamingTheAnswer() throws Exception {
        String officer = TestUsers.officer(context, "officer-kiki", "危機管理課");
        Map<String, Object> body = Submissions.submission("危機管理課", 2025, id -> id.equals("HUM-04") ? Map.of("answer", "YES") : null);
        int index = indexOf("HUM-04");
        Http.Answer answer = submit(officer, body);
        assertEquals(400, answer.status());
        assertEquals("answers[" + index + "].answer", json.readTree(answer.body()).get("violations").get(0).get("path").asText());
        Map<String, Object> outOfRange = Submissions.submission("危機管理課", 2025, id -> id.equals("HUM-04") ? Map.of("value", 140) : null);
        Http.Answer range = submit(officer, outOfRange);
        assertEquals(400, range.status());
        assertEquals("answers[" + index + "].value", json.readTree(range.body()).get("violations").get(0).get("path").asText());
        Map<String, Object> badWord = Submissions.submission("危機管理課", 2025, id -> id.equals("ORG-01") ? Map.of("answer", "MAYBE") : null);
        Http.Answer word = submit(officer, badWord);
        assertEquals(400, word.status());
        assertEquals("answers[0].answer", json.readTree(word.body()).get("violations").get(0).get("path").asText());
        assertEquals(0, get(officer, "/api/v1/inspections?organization=hiratsuka&department=危機管理課").size(), "nothing stored");
    }

    @Test
    void aSubmissionDatedOutsideItsFiscalYearAndTheNextIs400NamingIt() throws Exception {
        String officer = TestUsers.officer(context, "officer-kenko", "健康課");
        for (String date : List.of("0001-01-01", "2025-03-31", "2027-04-01", "9999-12-31")) {
            Map<String, Object> body = Submissions.compliant("健康課", 2025);
            body.put("submittedOn", date);
            Http.Answer answer = submit(officer, body);
            assertEquals(400, answer.status(), date + " " + answer.body());
            JsonNode violation = json.readTree(answer.body()).get("violations").get(0);
            assertEquals("submittedOn", violation.get("path").asText());
            assertEquals("2025年度の記録の日付は 2025-04-01〜2027-03-31 で指定してください", violation.get("message").asText());
        }
        assertEquals(0, get(officer, "/api/v1/inspections?organization=hiratsuka&department=健康課").size(), "nothing stored");
        // From the first day of the fiscal year to the last of the next, for a report made late.
        for (String date : List.of("2025-04-01", "2027-03-31")) {
            Map<String, Object> body = Submissions.compliant("健康課", 2025);
            body.put("submittedOn", date);
            assertEquals(201, submit(officer, body).status(), date);
        }
    }

    @Test
    void checklistsAreServedInJapaneseAndEnglish() throws Exception {
        String officer = TestUsers.officer(context, "officer-shimin", "市民課");
        JsonNode all = get(officer, "/api/v1/checklists");
        assertEquals("municipal-security-self-inspection", all.get(0).get("id").asText());
        JsonNode one = get(officer, "/api/v1/checklists/municipal-security-self-inspection");
        assertTrue(one.get("items").size() >= 60);
        Http.Answer english = Http.sendAs(client, officer, HttpRequest.GET("/api/v1/checklists/municipal-security-self-inspection")
                .header("Accept-Language", "en"));
        JsonNode item = json.readTree(english.body()).get("items").get(0);
        assertEquals(item.get("questionEn").asText(), item.get("question").asText());
        assertEquals(404, Http.sendAs(client, officer, HttpRequest.GET("/api/v1/checklists/nothing")).status());
    }

    private static int indexOf(String itemId) {
        List<String> ids = new ArrayList<>();
        Submissions.CHECKLIST.items().forEach(i -> ids.add(i.id()));
        return ids.indexOf(itemId);
    }

    /**
     * CONTRACT §15: a department need not answer the organization-level items, and its NO on one is no
     * error; the security office (デジタル推進課 in the seeds) answers them, its own status does not depend
     * on them, and the compliance list shows their shortfalls apart.
     */
    @Test
    void organizationLevelItemsAreAnsweredByTheSecurityOfficeAndJudgedApart() throws Exception {
        String shimin = TestUsers.officer(context, "officer-shimin-org", "市民課");
        JsonNode department = json.readTree(submit(shimin, Submissions.withoutOrganizationLevel("市民課", 2024)).body());
        assertEquals("COMPLIANT", department.get("status").asText(), department.toString());
        assertEquals(0, department.get("findings").size(), department.toString());
        JsonNode answeredNo = json.readTree(submit(shimin, Submissions.submission("市民課", 2024,
                id -> id.equals("RES-12") ? Map.of("answer", "NO") : null)).body());
        assertEquals("COMPLIANT", answeredNo.get("status").asText(), "a department's NO on an organization-level item is not checked");

        String office = TestUsers.officer(context, "officer-digital", "デジタル推進課");
        JsonNode officeAnswer = json.readTree(submit(office, Submissions.withoutOrganizationLevel("デジタル推進課", 2024)).body());
        List<String> missing = new ArrayList<>();
        officeAnswer.get("findings").forEach(f -> missing.add(f.get("ruleId").asText() + " " + f.get("target").get("itemId").asText()));
        assertEquals(List.of("SI-ANSWER-MISSING EVA-06", "SI-ANSWER-MISSING OPS-08", "SI-ANSWER-MISSING RES-11",
                "SI-ANSWER-MISSING RES-12", "SI-ANSWER-MISSING TEC-18"), missing.stream().sorted().toList());
        assertEquals("COMPLIANT", officeAnswer.get("status").asText(), "the office's own status does not depend on them");

        JsonNode list = get(TestUsers.auditor(context), "/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024&asOf=2025-03-31");
        JsonNode level = list.get("organizationLevel");
        assertEquals("デジタル推進課", level.get("securityOffice").asText());
        assertTrue(level.get("submitted").asBoolean());
        assertEquals("NON_COMPLIANT", level.get("status").asText());
        assertEquals(5, level.get("findings").size());
        list.get("units").forEach(u -> {
            if (u.get("department").asText().equals("デジタル推進課")) {
                assertEquals("COMPLIANT", u.get("status").asText());
            }
        });

        jp.tenken.api.Download xlsx = jp.tenken.api.Download.as(client, TestUsers.auditor(context),
                HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024&asOf=2025-03-31&format=xlsx"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = xlsx.workbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("組織全体の項目");
            assertTrue(sheet != null, "the workbook has the organization-level sheet");
            List<String> rules = new ArrayList<>();
            sheet.forEach(row -> {
                org.apache.poi.ss.usermodel.Cell rule = row.getCell(3);
                if (rule != null && rule.getStringCellValue().startsWith("SI-")) {
                    rules.add(rule.getStringCellValue() + " " + row.getCell(4).getStringCellValue());
                }
            });
            assertEquals(5, rules.size(), rules.toString());
        }

        jp.tenken.api.Download pdf = jp.tenken.api.Download.as(client, TestUsers.auditor(context),
                HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024&asOf=2025-03-31&format=pdf"));
        assertEquals(200, pdf.status());
        String pdfText = pdf.pdfText();
        assertTrue(pdfText.contains("組織全体の項目") && pdfText.contains("TEC-18"), pdfText);

        jp.tenken.api.Download csv = jp.tenken.api.Download.as(client, TestUsers.auditor(context),
                HttpRequest.GET("/api/v1/compliance/units?organization=hiratsuka&fiscalYear=2024&asOf=2025-03-31&format=csv"));
        String csvText = csv.text();
        String block = csvText.substring(csvText.indexOf("\r\n\r\n") + 4);
        assertTrue(block.startsWith("組織全体の項目(デジタル推進課が全庁分を回答)\r\n"), csvText);
        assertEquals(5, block.lines().filter(l -> l.startsWith("デジタル推進課,不適合,提出済み,エラー,SI-ANSWER-MISSING,")).count(), block);

        // The pages: the compliance list's section apart; a department's form shows the items read-only,
        // the office's own form asks them.
        Http.Answer page = Http.sendAs(client, TestUsers.auditor(context), HttpRequest.GET("/compliance?fiscalYear=2024"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("data-organization-status=\"NON_COMPLIANT\""), page.body());
        // The office answers two of them; a department's form shows its answers, every field disabled.
        assertEquals(201, submit(office, Submissions.submission("デジタル推進課", 2024, id -> switch (id) {
            case "RES-11" -> Map.of("answer", "YES", "evidence", "ネットワーク分離方式の規程 2024-04");
            case "RES-12" -> Map.of("answer", "NO", "remediation", Map.of("action", "分離の設定を外部に点検させる", "dueDate", "2025-02-28"));
            default -> null;
        })).status());
        Http.Answer form = Http.sendAs(client, shimin, HttpRequest.GET(Http.encodeQuery("/inspections/form?department=市民課&fiscalYear=2024")));
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("data-scope=\"ORGANIZATION\"") && form.body().contains("org-level"), "read-only items");
        assertTrue(form.body().contains("デジタル推進課が全庁分を回答します"), "who answers them");
        for (String itemId : List.of("RES-11", "RES-12", "TEC-18", "OPS-08", "EVA-06")) {
            List<String> fields = fields(itemBlock(form.body(), itemId));
            assertEquals(6, fields.size(), itemId + ": three answers, evidence, action, due " + fields);
            fields.forEach(f -> assertTrue(f.contains("disabled"), itemId + ": " + f));
        }
        String res11 = itemBlock(form.body(), "RES-11");
        assertTrue(checked(res11).contains("value=\"YES\""), res11);
        assertTrue(res11.contains(">ネットワーク分離方式の規程 2024-04</textarea>"), "the office's evidence: " + res11);
        String res12 = itemBlock(form.body(), "RES-12");
        assertTrue(checked(res12).contains("value=\"NO\""), res12);
        assertTrue(res12.contains(">分離の設定を外部に点検させる</textarea>") && res12.contains("value=\"2025-02-28\""), "the office's remediation: " + res12);
        assertTrue(checked(itemBlock(form.body(), "EVA-06")).contains("value=\"YES\""), "the office's other answers too");
        assertFalse(fields(itemBlock(form.body(), "ORG-01")).stream().anyMatch(f -> f.contains("disabled")), "a department's own item stays open");
        Http.Answer own = Http.sendAs(client, office, HttpRequest.GET(Http.encodeQuery("/inspections/form?department=デジタル推進課&fiscalYear=2024")));
        assertEquals(200, own.status(), own.body());
        assertTrue(own.body().contains("この課の回答が全庁分の回答になります"), "the office answers them");
        assertFalse(own.body().contains("class=\"item org-level"), "no read-only item on the office's form");
        assertFalse(fields(itemBlock(own.body(), "RES-11")).stream().anyMatch(f -> f.contains("disabled")), "the office answers them on its form");
    }

    /** The HTML of one item on a form page, from its block's start to the next item's. */
    private static String itemBlock(String page, String itemId) {
        int start = page.indexOf("id=\"item-" + itemId + "\"");
        assertTrue(start >= 0, "item " + itemId + " on the page");
        int end = page.indexOf("<div class=\"item", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    /** The input and textarea tags of an item, each from its "<" to its ">". */
    private static List<String> fields(String block) {
        List<String> fields = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(input|textarea)\\b[^>]*>").matcher(block);
        while (m.find()) {
            fields.add(m.group());
        }
        return fields;
    }

    /** The checked radio button of an item, or "" when none is. */
    private static String checked(String block) {
        return fields(block).stream().filter(f -> f.contains("type=\"radio\"") && f.contains("checked")).findFirst().orElse("");
    }
}
