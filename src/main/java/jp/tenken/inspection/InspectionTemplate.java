package jp.tenken.inspection;

import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistItem;
import jp.tenken.checklist.AnswerType;
import jp.tenken.spreadsheet.TextCells;
import jp.tenken.text.SpreadsheetCells;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static jp.tenken.inspection.InspectionSheet.*;

/**
 * Writes the self-inspection workbook of one department and fiscal year ({@link InspectionSheet}):
 * header and question cells locked, the answer cells open (sheet protection without a password:
 * 校閲 → シート保護の解除 needs none), 回答 a drop-down, 期限 and 提出日 date cells, guidance as a
 * comment on the question. Every text written that a spreadsheet could take for a formula is
 * quote-prefixed ({@link SpreadsheetCells#startsLikeFormula}).
 * <p>
 * The organization-level items (CONTRACT §15) are read-only on a department's workbook, as on its form:
 * their answer, value, evidence, remediation and due cells are grey and locked, filled with the
 * security office's current answers of the year where it has submitted. The security office's own
 * workbook has them as ordinary open cells, since its answers are the organization's.
 */
final class InspectionTemplate {

    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private InspectionTemplate() {
    }

    static byte[] write(Checklist checklist, String organization, String department, int fiscalYear, InspectionForm prefill,
                        InspectionFormView.OrganizationLevel organizationLevel) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            int[] widths = {11, 16, 60, 7, 11, 9, 32, 32, 12, 24};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            text(sheet, TITLE_ROW, 0, checklist.title() + "(" + checklist.version() + "年版)", styles.title, styles);
            List<String> header = List.of(organization, department, String.valueOf(fiscalYear), checklist.id(), checklist.version());
            for (int i = 0; i < HEADER_LABELS.size(); i++) {
                int row = ORGANIZATION_ROW + i;
                text(sheet, row, LABEL, HEADER_LABELS.get(i), styles.label, styles);
                if (row == FISCAL_YEAR_ROW) {
                    cell(sheet, row, VALUE, styles.locked).setCellValue(fiscalYear);
                } else if (row == SUBMITTED_ON_ROW) {
                    cell(sheet, row, VALUE, styles.openDate);
                    text(sheet, row, QUESTION, "空欄なら提出した日(日本時間)になります", styles.note, styles);
                } else {
                    text(sheet, row, VALUE, header.get(i), styles.locked, styles);
                }
            }
            for (int c = 0; c < COLUMN_TITLES.size(); c++) {
                text(sheet, COLUMN_TITLES_ROW, c, COLUMN_TITLES.get(c), styles.columnTitle, styles);
            }
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            List<ChecklistItem> items = checklist.items();
            CellRangeAddressList percentCells = new CellRangeAddressList();
            for (int i = 0; i < items.size(); i++) {
                ChecklistItem item = items.get(i);
                int row = FIRST_ITEM_ROW + i;
                boolean readOnly = item.organizationLevel() && !organizationLevel.asked();
                InspectionForm.Values v = (readOnly ? organizationLevel.officeAnswers() : prefill).get(item.id());
                Styles.Cells answerStyles = readOnly ? styles.readOnly : styles.answer;
                boolean percent = item.answerType() == AnswerType.PERCENT;
                text(sheet, row, ITEM_ID, item.id(), styles.locked, styles);
                text(sheet, row, CHAPTER, item.chapter(), styles.lockedWrap, styles);
                XSSFCell question = text(sheet, row, QUESTION, item.question(), styles.lockedWrap, styles);
                text(sheet, row, SEVERITY, severityWord(item.severity().name()), styles.locked, styles);
                text(sheet, row, ANSWER, v.answer().isBlank() ? "" : word(v.answer()), answerStyles.plain, styles);
                if (percent) {
                    percentCells.addCellRangeAddress(row - 1, PERCENT, row - 1, PERCENT);
                    XSSFCell value = cell(sheet, row, PERCENT, answerStyles.number);
                    if (!v.value().isBlank()) {
                        try {
                            value.setCellValue(new BigDecimal(v.value().strip()).doubleValue());
                        } catch (NumberFormatException e) {
                            text(sheet, row, PERCENT, v.value(), answerStyles.number, styles);
                        }
                    }
                } else {
                    cell(sheet, row, PERCENT, styles.unused);
                }
                text(sheet, row, EVIDENCE, v.evidence(), answerStyles.wrap, styles);
                text(sheet, row, ACTION, v.remediationAction(), answerStyles.wrap, styles);
                XSSFCell due = cell(sheet, row, DUE, answerStyles.date);
                if (!v.remediationDue().isBlank()) {
                    try {
                        due.setCellValue(LocalDate.parse(v.remediationDue().strip()));
                    } catch (DateTimeParseException e) {
                        text(sheet, row, DUE, v.remediationDue(), answerStyles.date, styles);
                    }
                }
                text(sheet, row, NOTE, "", styles.openWrap, styles);
                String guidance = guidance(item, organizationLevel, v.answered());
                if (!guidance.isEmpty()) {
                    ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                    anchor.setCol1(QUESTION + 1);
                    anchor.setCol2(QUESTION + 4);
                    anchor.setRow1(row - 1);
                    anchor.setRow2(row + 7);
                    Comment comment = drawing.createCellComment(anchor);
                    comment.setString(workbook.getCreationHelper().createRichTextString(guidance));
                    comment.setAuthor("Tenken");
                    question.setCellComment(comment);
                }
            }
            int last = FIRST_ITEM_ROW + items.size() - 1;
            validations(sheet, last, percentCells);
            sheet.createFreezePane(1, COLUMN_TITLES_ROW);
            sheet.setAutoFilter(new CellRangeAddress(COLUMN_TITLES_ROW - 1, last - 1, ITEM_ID, NOTE));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(COLUMN_TITLES_ROW - 1, COLUMN_TITLES_ROW - 1, -1, -1));
            // Locked cells (header, questions) cannot be changed; the open ones can. No password.
            sheet.enableLocking();
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.lockAutoFilter(false);
            sheet.lockSort(true);
            sheet.lockInsertRows(true);
            sheet.lockDeleteRows(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String guidance(ChecklistItem item, InspectionFormView.OrganizationLevel organizationLevel, boolean officeAnswered) {
        List<String> lines = new ArrayList<>();
        if (item.guidance() != null && !item.guidance().isBlank()) {
            lines.add(item.guidance().strip());
        }
        if (item.answerType() == AnswerType.PERCENT) {
            lines.add("数値(%)欄に0〜100で記入" + (item.threshold() == null ? "" : "(基準 " + item.threshold() + "%以上)")
                    + (Boolean.TRUE.equals(item.naAllowed()) ? "。該当しなければ回答欄で「該当なし」" : ""));
        }
        if (Boolean.TRUE.equals(item.evidenceRequired())) {
            lines.add("証跡が必要です");
        }
        if (item.dependsOn() != null) {
            lines.add(item.dependsOn() + " が「いいえ」「該当なし」なら「該当なし」");
        }
        if (item.organizationLevel() && organizationLevel.asked()) {
            lines.add("組織全体の項目: この課の回答が全庁分の回答になります");
        } else if (item.organizationLevel()) {
            String office = organizationLevel.office() == null ? "情報セキュリティ担当課" : organizationLevel.office();
            lines.add("組織全体の項目: " + office + "が全庁分を回答します。灰色の欄は"
                    + (officeAnswered ? office + "の今年度の回答で、" : "今年度の回答がまだなく空欄で、")
                    + "この課では変更できません(この課の回答としては読み取られず、課の状況に影響しません)");
        }
        return String.join("\n", lines);
    }

    private static void validations(XSSFSheet sheet, int last, CellRangeAddressList percentCells) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation answers = helper.createValidation(
                helper.createExplicitListConstraint(ANSWERS.keySet().toArray(String[]::new)),
                new CellRangeAddressList(FIRST_ITEM_ROW - 1, last - 1, ANSWER, ANSWER));
        answers.setShowErrorBox(true);
        answers.setErrorStyle(DataValidation.ErrorStyle.STOP);
        answers.createErrorBox("回答", "はい・一部・いいえ・該当なし から選んでください");
        answers.setSuppressDropDownArrow(true);
        sheet.addValidationData(answers);
        if (percentCells.countRanges() > 0) {
            DataValidation percent = helper.createValidation(helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "0", "100"), percentCells);
            percent.setShowErrorBox(true);
            percent.createErrorBox("数値(%)", "0〜100の数値を入力してください");
            sheet.addValidationData(percent);
        }
        DataValidation dates = helper.createValidation(helper.createDateConstraint(
                DataValidationConstraint.OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2100,12,31)", DATE_FORMAT),
                new CellRangeAddressList(FIRST_ITEM_ROW - 1, last - 1, DUE, DUE));
        dates.getRegions().addCellRangeAddress(SUBMITTED_ON_ROW - 1, VALUE, SUBMITTED_ON_ROW - 1, VALUE);
        dates.setShowErrorBox(true);
        dates.createErrorBox("日付", "日付を入力してください(例 2026-03-31)");
        sheet.addValidationData(dates);
    }

    private static XSSFCell cell(XSSFSheet sheet, int row, int column, CellStyle style) {
        Row r = sheet.getRow(row - 1);
        if (r == null) {
            r = sheet.createRow(row - 1);
        }
        XSSFCell cell = (XSSFCell) r.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    /** A text cell; a text a spreadsheet would run as a formula is quote-prefixed. */
    private static XSSFCell text(XSSFSheet sheet, int row, int column, String value, CellStyle style, Styles styles) {
        XSSFCell cell = cell(sheet, row, column, style);
        styles.texts.set(cell, value, style);
        return cell;
    }

    /** The few styles of the sheet, made once per workbook. */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        final CellStyle title;
        final CellStyle label;
        final CellStyle columnTitle;
        final CellStyle locked;
        final CellStyle lockedWrap;
        final CellStyle note;
        final CellStyle open;
        final CellStyle openWrap;
        final CellStyle openNumber;
        final CellStyle openDate;
        final CellStyle unused;
        /** The cells a department answers in: open, light yellow. */
        final Cells answer;
        /** The same cells of an organization-level item on a department's workbook: locked, grey. */
        final Cells readOnly;
        /** Texts written so that none runs as a formula (quote-prefixed twins of these styles). */
        final TextCells texts;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            this.texts = new TextCells(workbook);
            Font base = workbook.getFontAt(0);
            base.setFontName("游ゴシック");
            base.setFontHeightInPoints((short) 11);
            Font bold = workbook.createFont();
            bold.setFontName("游ゴシック");
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setFontName("游ゴシック");
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = style(true, false, null);
            title.setFont(big);
            label = style(true, false, IndexedColors.GREY_25_PERCENT);
            label.setFont(bold);
            columnTitle = style(true, true, IndexedColors.GREY_25_PERCENT);
            columnTitle.setFont(bold);
            locked = style(true, false, null);
            lockedWrap = style(true, true, null);
            note = style(true, false, null);
            open = style(false, false, IndexedColors.LIGHT_YELLOW);
            openWrap = style(false, true, IndexedColors.LIGHT_YELLOW);
            openNumber = style(false, false, IndexedColors.LIGHT_YELLOW);
            openNumber.setDataFormat(workbook.createDataFormat().getFormat("0.##"));
            openDate = style(false, false, IndexedColors.LIGHT_YELLOW);
            openDate.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
            unused = style(true, false, IndexedColors.GREY_40_PERCENT);
            answer = new Cells(open, openWrap, openNumber, openDate);
            CellStyle readOnlyPlain = style(true, false, IndexedColors.GREY_25_PERCENT);
            CellStyle readOnlyWrap = style(true, true, IndexedColors.GREY_25_PERCENT);
            CellStyle readOnlyNumber = style(true, false, IndexedColors.GREY_25_PERCENT);
            readOnlyNumber.setDataFormat(openNumber.getDataFormat());
            CellStyle readOnlyDate = style(true, false, IndexedColors.GREY_25_PERCENT);
            readOnlyDate.setDataFormat(openDate.getDataFormat());
            readOnly = new Cells(readOnlyPlain, readOnlyWrap, readOnlyNumber, readOnlyDate);
            for (CellStyle s : List.of(label, columnTitle, locked, lockedWrap, open, openWrap, openNumber, openDate, unused,
                    readOnlyPlain, readOnlyWrap, readOnlyNumber, readOnlyDate)) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
        }

        /** The styles of one row's answer cells: the answer word, wrapped texts, the value (%), the due date. */
        record Cells(CellStyle plain, CellStyle wrap, CellStyle number, CellStyle date) {
        }

        private CellStyle style(boolean isLocked, boolean wrap, IndexedColors fill) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(isLocked);
            style.setWrapText(wrap);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (fill != null) {
                style.setFillForegroundColor(fill.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return style;
        }
    }
}
