package jp.tenken.inspection;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import jp.tenken.TestUsers;
import jp.tenken.api.Http;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Self-inspection workbooks in tests: download the template as a user, fill cells, upload. */
final class Workbooks {

    private Workbooks() {
    }

    static byte[] template(HttpClient client, String user, String query) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                TestUsers.as(user, HttpRequest.GET(Http.encodeQuery("/api/v1/templates/inspection.xlsx?" + query))), byte[].class);
        assertEquals(200, response.code());
        return response.body();
    }

    static Http.Answer upload(HttpClient client, String user, byte[] workbook) {
        return Http.sendAs(client, user, HttpRequest.POST("/api/v1/inspections", workbook)
                .contentType(MediaType.of(Xlsx.MEDIA_TYPE)));
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    static XSSFSheet sheet(XSSFWorkbook workbook) {
        return workbook.getSheet(InspectionSheet.SHEET);
    }

    static Cell cell(XSSFSheet sheet, String ref) {
        CellReference r = new CellReference(ref);
        Row row = sheet.getRow(r.getRow()) == null ? sheet.createRow(r.getRow()) : sheet.getRow(r.getRow());
        return row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
    }

    /** The row (1-based) of an item, found by its 項番. */
    static int rowOf(XSSFSheet sheet, String itemId) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && a.getStringCellValue().equals(itemId)) {
                return row.getRowNum() + 1;
            }
        }
        throw new AssertionError("no row for " + itemId);
    }

    static void set(XSSFSheet sheet, String ref, Object value) {
        Cell cell = cell(sheet, ref);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
