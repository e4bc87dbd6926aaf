package jp.tenken.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.spreadsheet.ZipParts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files sent as a self-inspection workbook (CONTRACT §9, issue 18 point 5): each is a 400
 * (413 over the body limit) in the error shape with a Japanese message naming the problem, never
 * a 500; nothing is stored, and the service answers /health and takes a good workbook afterwards.
 */
@MicronautTest
class HostileWorkbookTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String officer;

    @BeforeEach
    void officer() {
        officer = TestUsers.officer(context, "officer-hostile", "市民課");
    }

    private byte[] filled() throws Exception {
        return InspectionWorkbookTest.filledExample(client, officer);
    }

    /** Refused with 400 (or the status given) and a message holding {@code messagePart}; then the service is well. */
    private void assertRefused(int status, byte[] body, String messagePart) throws Exception {
        String before = list();
        Http.Answer answer = Workbooks.upload(client, officer, body);
        assertEquals(status, answer.status(), answer.body());
        JsonNode error = json.readTree(answer.body());
        String text = error.toString();
        assertTrue(text.contains(messagePart), text);
        assertEquals(before, list(), "nothing stored");
        assertEquals(200, Http.send(client, HttpRequest.GET("/health")).status());
    }

    private String list() {
        return Http.sendAs(client, officer, HttpRequest.GET(Http.encodeQuery(
                "/api/v1/inspections?organization=hiratsuka&department=市民課&fiscalYear=2025"))).body();
    }

    @Test
    void notAZip() throws Exception {
        assertRefused(400, "項番,回答\nORG-01,はい\n".getBytes(StandardCharsets.UTF_8), "Excelブック(.xlsx)ではありません");
    }

    @Test
    void aTruncatedZip() throws Exception {
        byte[] whole = filled();
        assertRefused(400, Arrays.copyOf(whole, whole.length / 2), "壊れているか、途中で切れています");
    }

    @Test
    void anEncryptedWorkbook() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("himitsu");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(filled()));
             OutputStream os = encryptor.getDataStream(fs)) {
            opc.save(os);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        assertRefused(400, out.toByteArray(), "パスワードで保護(暗号化)されたブックは読めません");
    }

    @Test
    void theXlsFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet(InspectionSheet.SHEET).createRow(0).createCell(0).setCellValue("項番");
            xls.write(out);
        }
        assertRefused(400, out.toByteArray(), "古いExcel形式(.xls)");
    }

    @Test
    void aZipBombIsRefusedWithTheHeapBounded() throws Exception {
        // The template with a sheet that inflates to 1 GiB of spaces: about 1 MB sent.
        long inflated = 1L << 30;
        byte[] bomb = ZipParts.padded(filled(), "xl/worksheets/sheet1.xml", inflated);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        try {
            assertRefused(400, bomb, "展開すると大きくなりすぎるファイルです");
        } finally {
            done.set(true);
            sampler.join();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("zip bomb: %d KiB sent, %d MiB inflated; heap used before %d MiB, peak while refused %d MiB (+%d MiB); refused in %d ms%n",
                bomb.length / 1024, inflated >> 20, before >> 20, peak.get() >> 20, (peak.get() - before) >> 20, ms);
        assertTrue(peak.get() - before < 256L << 20, "the heap grew by less than 256 MiB");
    }

    @Test
    void aZipOfMoreEntriesThanAWorkbookHas() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 1_100; i++) {
            many.put("xl/media/image" + i + ".png", new byte[]{1});
        }
        assertRefused(400, ZipParts.replaced(filled(), many), "展開すると大きくなりすぎるファイルです");
    }

    @Test
    void anXmlEntityBombInsideTheSheet() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        byte[] filled = filled();
        String sheet = new String(ZipParts.entry(filled, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        int root = sheet.indexOf("<worksheet");
        sheet = sheet.substring(0, root) + doctype + sheet.substring(root).replaceFirst("<v>", "<v>&a10;");
        assertRefused(400, ZipParts.replaced(filled, Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8))),
                "DOCTYPE宣言・実体参照は使えません");
    }

    @Test
    void aHundredThousandRows() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 100_000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>ORG-01</t></is></c></row>");
        }
        byte[] filled = filled();
        String sheet = new String(ZipParts.entry(filled, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        sheet = sheet.replaceFirst("(?s)<sheetData>.*</sheetData>", "<sheetData>" + rows + "</sheetData>");
        assertRefused(400, ZipParts.replaced(filled, Map.of("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8))),
                "行が多すぎます(1シート10000行まで)");
    }

    @Test
    void aFormulaInAnAnswerCell() throws Exception {
        XSSFWorkbook workbook = Workbooks.open(filled());
        XSSFSheet sheet = Workbooks.sheet(workbook);
        int row = Workbooks.rowOf(sheet, "ORG-02");
        Workbooks.cell(sheet, "E" + row).setCellFormula("IF(TRUE,\"はい\",\"いいえ\")");
        assertRefused(400, Workbooks.bytes(workbook), "\"path\":\"点検票!E" + row + "\",\"message\":\"数式は使えません");
    }

    @Test
    void aFormulaLinkingAnotherWorkbook() throws Exception {
        byte[] filled = filled();
        String sheet = new String(ZipParts.entry(filled, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        String linked = sheet.replaceFirst("<c r=\"J10\" s=\"(\\d+)\"/>",
                "<c r=\"J10\" s=\"$1\" t=\"str\"><f>'file:///C:/secret/[台帳.xlsx]Sheet1'!A1</f><v>cached</v></c>");
        assertTrue(!linked.equals(sheet), "the note cell of the first item is there to change");
        assertRefused(400, ZipParts.replaced(filled, Map.of("xl/worksheets/sheet1.xml", linked.getBytes(StandardCharsets.UTF_8))),
                "\"path\":\"点検票!J10\",\"message\":\"数式は使えません");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(filled(), 0, body, 0, 4);
        assertRefused(413, body, "");
    }

    @Test
    void afterEveryHostileFileAGoodWorkbookIsStillTaken() throws Exception {
        notAZip();
        aTruncatedZip();
        Http.Answer answer = Workbooks.upload(client, officer, filled());
        assertEquals(201, answer.status(), answer.body());
    }
}
