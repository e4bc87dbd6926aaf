package jp.tenken.plan;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import jp.tenken.TestEngine;
import jp.tenken.api.Http;
import jp.tenken.document.DocumentFormat;
import jp.tenken.spreadsheet.Xlsx;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Plan workbooks in tests: written from a plan file, edited cell by cell with POI, sent to the service. */
public final class PlanWorkbooks {

    private PlanWorkbooks() {
    }

    /** The plan workbook of a plan file (JSON or YAML), as the service exports it. */
    public static byte[] export(Path planFile) throws IOException {
        return PlanWorkbookWriter.export(TestEngine.reader().read(Files.readAllBytes(planFile),
                DocumentFormat.ofFileName(planFile.toString()), PlanDocument.class));
    }

    public static byte[] export(PlanDocument plan) {
        return PlanWorkbookWriter.export(plan);
    }

    public static byte[] template() {
        return PlanWorkbookWriter.template();
    }

    public static Http.Answer post(HttpClient client, String user, String path, byte[] workbook) {
        return Http.sendAs(client, user, HttpRequest.POST(path, workbook).contentType(MediaType.of(Xlsx.MEDIA_TYPE)));
    }

    public static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    public static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return out.toByteArray();
    }

    /** Sets a cell ({@code 取組一覧!C7}) to a text, a number, a date, or empty (null). */
    public static void set(XSSFWorkbook workbook, String address, Object value) {
        String[] parts = address.split("!");
        Sheet sheet = workbook.getSheet(parts[0]);
        CellReference r = new CellReference(parts[1]);
        Row row = sheet.getRow(r.getRow()) == null ? sheet.createRow(r.getRow()) : sheet.getRow(r.getRow());
        Cell cell = row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(workbook.createCellStyle());
            cell.getCellStyle().setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** Edits a workbook's bytes. */
    public static byte[] edited(byte[] workbook, java.util.function.Consumer<XSSFWorkbook> edit) throws IOException {
        XSSFWorkbook book = open(workbook);
        edit.accept(book);
        return bytes(book);
    }
}
