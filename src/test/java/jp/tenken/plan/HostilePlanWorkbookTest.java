package jp.tenken.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.tenken.Fixtures;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.spreadsheet.ZipParts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files sent as a plan workbook are refused as the self-inspection workbook refuses them
 * (the same reader, {@link jp.tenken.spreadsheet.Xlsx}): a 400 naming the problem in Japanese,
 * nothing stored, the service well afterwards.
 */
@MicronautTest
class HostilePlanWorkbookTest {

    /** The sheet 取組一覧 inside the package: the fifth sheet written (説明, 計画, 方針, 目標, 取組一覧). */
    private static final String INITIATIVES_PART = "xl/worksheets/sheet5.xml";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationContext context;

    private String editor;

    @BeforeEach
    void editor() {
        editor = TestUsers.editor(context);
    }

    private static byte[] good() throws IOException {
        return PlanWorkbooks.export(Fixtures.DX_PLAN);
    }

    private void assertRefused(byte[] body, String messagePart) {
        String before = Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans")).body();
        Http.Answer answer = PlanWorkbooks.post(client, editor, "/api/v1/plans", body);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains(messagePart), answer.body());
        assertEquals(before, Http.sendAs(client, editor, HttpRequest.GET("/api/v1/plans")).body(), "nothing stored");
        assertEquals(200, Http.send(client, HttpRequest.GET("/health")).status());
    }

    @Test
    void notAZipATruncatedZipAndTheXlsFormat() throws Exception {
        assertRefused("No.,取組名\n1,x\n".getBytes(StandardCharsets.UTF_8), "Excelブック(.xlsx)ではありません");
        byte[] whole = good();
        assertRefused(Arrays.copyOf(whole, whole.length / 2), "壊れているか、途中で切れています");
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook book = new HSSFWorkbook()) {
            book.createSheet(PlanSheets.PLAN);
            book.write(xls);
        }
        assertRefused(xls.toByteArray(), "古いExcel形式(.xls)");
    }

    @Test
    void anEncryptedWorkbook() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("himitsu");
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(good()));
             OutputStream os = encryptor.getDataStream(fs)) {
            opc.save(os);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        assertRefused(out.toByteArray(), "パスワードで保護(暗号化)されたブックは読めません");
    }

    @Test
    void aZipBombAndAnEntityBombInTheListOfInitiatives() throws Exception {
        assertRefused(ZipParts.padded(good(), INITIATIVES_PART, 256L << 20), "展開すると大きくなりすぎるファイルです");
        StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String sheet = new String(ZipParts.entry(good(), INITIATIVES_PART), StandardCharsets.UTF_8);
        int root = sheet.indexOf("<worksheet");
        sheet = sheet.substring(0, root) + doctype + sheet.substring(root).replaceFirst("<t>", "<t>&a10;");
        assertRefused(ZipParts.replaced(good(), Map.of(INITIATIVES_PART, sheet.getBytes(StandardCharsets.UTF_8))), "DOCTYPE宣言・実体参照は使えません");
    }

    @Test
    void moreRowsThanASheetMayHaveAndAFormula() throws Exception {
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>No.</t></is></c></row>");
        for (int r = 2; r <= 10_002; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
        }
        String sheet = new String(ZipParts.entry(good(), INITIATIVES_PART), StandardCharsets.UTF_8)
                .replaceFirst("(?s)<sheetData>.*</sheetData>", "<sheetData>" + rows + "</sheetData>");
        assertRefused(ZipParts.replaced(good(), Map.of(INITIATIVES_PART, sheet.getBytes(StandardCharsets.UTF_8))), "行が多すぎます(1シート10000行まで)");

        byte[] formula = PlanWorkbooks.edited(good(), book -> book.getSheet(PlanSheets.INITIATIVES).getRow(2).getCell(PlanSheets.TITLE)
                .setCellFormula("HYPERLINK(\"http://example.com\",\"x\")"));
        assertRefused(formula, "\"path\":\"取組一覧!C3\",\"message\":\"数式は使えません");
        assertEquals(200, PlanWorkbooks.post(client, editor, "/api/v1/plans/check", good()).status(),
                "a good workbook is still taken afterwards");
    }
}
