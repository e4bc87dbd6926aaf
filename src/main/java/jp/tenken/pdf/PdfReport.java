package jp.tenken.pdf;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A printable A4 report (CONTRACT §9) laid out from the top down: a title, facts (label and value),
 * headings, paragraphs, tables whose cells wrap and whose header repeats on each page, a box for
 * signatures, and "n / N" at the foot of every page. The Japanese font is IPAex Gothic, bundled in
 * the jar (IPA Font License v1.0, which allows it: fonts/IPA_Font_License_Agreement_v1.0.txt) and
 * embedded as a subset of the glyphs used, so that the PDF prints the same on any machine.
 *
 * <p>Text comes from documents anyone may send: a control character is shown as a space and a
 * character the font lacks as {@code ?}, so that no text can make the report fail.
 */
public final class PdfReport implements AutoCloseable {

    /** A cell's background; a status is also written as a word, never shown by colour alone. */
    public enum Fill {
        NONE(-1), HEADER(0xD9D9D9), GREEN(0xC6EFCE), YELLOW(0xFFEB9C), RED(0xFFC7CE), GREY(0xEDEDED);

        private final int rgb;

        Fill(int rgb) {
            this.rgb = rgb;
        }
    }

    /** A cell of a table: its text (line breaks kept) and background. */
    public record Cell(String text, Fill fill) {
        public static Cell of(String text) {
            return new Cell(text, Fill.NONE);
        }
    }

    /** A table: the widths of its columns relative to one another, and its header. */
    public record Table(float[] widths, List<String> header) {
    }

    private static final String FONT = "/fonts/ipaexg.ttf";
    private static final byte[] FONT_BYTES = readFont();
    private static final float MARGIN = 40;
    private static final float BODY = 9;
    private static final float PADDING = 3;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final PDRectangle size;
    private final String footer;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    private PdfReport(PDRectangle size, String title, String footer) {
        this.size = size;
        this.footer = footer;
        try {
            // Parsed for each report: a TrueTypeFont reads its tables lazily and is not shared between threads.
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            font = PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Tenken");
        newPage();
    }

    /** An A4 report; {@code footer} is printed at the foot of each page beside its number. */
    public static PdfReport a4(boolean landscape, String title, String footer) {
        PDRectangle a4 = PDRectangle.A4;
        return new PdfReport(landscape ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4, title, footer);
    }

    private static byte[] readFont() {
        try (InputStream in = PdfReport.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the font " + FONT + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float contentWidth() {
        return size.getWidth() - 2 * MARGIN;
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(size);
            document.addPage(p);
            page = new PDPageContentStream(document, p);
            y = size.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    private void room(float height) {
        if (y - height < MARGIN + 14) {
            newPage();
        }
    }

    public PdfReport title(String text) {
        float fontSize = 15;
        for (String line : wrap(text, fontSize, contentWidth())) {
            room(fontSize * 1.5f);
            show(line, MARGIN, y - fontSize, fontSize);
            y -= fontSize * 1.5f;
        }
        y -= 4;
        return this;
    }

    public PdfReport heading(String text) {
        float fontSize = 11.5f;
        room(fontSize * 1.6f + BODY * 3);
        y -= 6;
        show(clean(text), MARGIN, y - fontSize, fontSize);
        y -= fontSize * 1.6f;
        return this;
    }

    public PdfReport paragraph(String text) {
        for (String line : wrap(text, BODY, contentWidth())) {
            room(BODY * 1.5f);
            show(line, MARGIN, y - BODY, BODY);
            y -= BODY * 1.5f;
        }
        y -= 3;
        return this;
    }

    /** Label and value pairs in a grid of {@code perLine} pairs a line (組織 平塚市 ・ 年度 令和7年度 …). */
    public PdfReport facts(List<Cell[]> pairs, int perLine) {
        float[] widths = new float[perLine * 2];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i % 2 == 0 ? 1 : 2.2f;
        }
        List<Cell[]> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += perLine) {
            Cell[] row = new Cell[widths.length];
            for (int j = 0; j < perLine; j++) {
                Cell[] pair = i + j < pairs.size() ? pairs.get(i + j) : new Cell[]{Cell.of(""), Cell.of("")};
                row[2 * j] = new Cell(pair[0].text(), Fill.HEADER);
                row[2 * j + 1] = pair[1];
            }
            rows.add(row);
        }
        table(new Table(widths, null), rows);
        y -= 6;
        return this;
    }

    /** A table; a row that does not fit goes to the next page, under the header again. */
    public PdfReport table(Table table, List<Cell[]> rows) {
        float total = 0;
        for (float w : table.widths()) {
            total += w;
        }
        float[] columns = new float[table.widths().length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = table.widths()[i] / total * contentWidth();
        }
        Cell[] header = table.header() == null ? null
                : table.header().stream().map(h -> new Cell(h, Fill.HEADER)).toArray(Cell[]::new);
        if (header != null) {
            room(rowHeight(columns, header) + BODY * 2);
            row(columns, header);
        }
        for (Cell[] cells : rows) {
            float height = rowHeight(columns, cells);
            if (y - height < MARGIN + 14) {
                newPage();
                if (header != null) {
                    row(columns, header);
                }
            }
            row(columns, cells);
        }
        y -= 6;
        return this;
    }

    /** Boxes to sign or stamp, right-aligned (課長 ・ 担当 …), with a line for the date above them. */
    public PdfReport signatures(String dateLabel, List<String> labels) {
        float box = 70;
        float labelHeight = BODY * 1.8f;
        room(box + labelHeight + BODY * 3);
        y -= 8;
        float width = labels.size() * box;
        float x0 = MARGIN + contentWidth() - width;
        show(clean(dateLabel) + "    年    月    日", x0 - 40, y - BODY, BODY);
        y -= BODY * 2.2f;
        try {
            page.setLineWidth(0.7f);
            for (int i = 0; i < labels.size(); i++) {
                float x = x0 + i * box;
                page.addRect(x, y - labelHeight, box, labelHeight);
                page.addRect(x, y - labelHeight - box, box, box);
                page.stroke();
                String label = clean(labels.get(i));
                show(label, x + (box - textWidth(label, BODY)) / 2, y - labelHeight + (labelHeight - BODY) / 2 + 1, BODY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= labelHeight + box + 6;
        return this;
    }

    private float rowHeight(float[] columns, Cell[] cells) {
        int lines = 1;
        for (int i = 0; i < cells.length && i < columns.length; i++) {
            lines = Math.max(lines, wrap(cells[i].text(), BODY, columns[i] - 2 * PADDING).size());
        }
        return lines * BODY * 1.35f + 2 * PADDING;
    }

    private void row(float[] columns, Cell[] cells) {
        float height = rowHeight(columns, cells);
        float x = MARGIN;
        try {
            for (int i = 0; i < columns.length; i++) {
                Cell cell = i < cells.length && cells[i] != null ? cells[i] : Cell.of("");
                if (cell.fill() != Fill.NONE) {
                    page.setNonStrokingColor(((cell.fill().rgb >> 16) & 0xFF) / 255f, ((cell.fill().rgb >> 8) & 0xFF) / 255f,
                            (cell.fill().rgb & 0xFF) / 255f);
                    page.addRect(x, y - height, columns[i], height);
                    page.fill();
                    page.setNonStrokingColor(0f, 0f, 0f);
                }
                page.setLineWidth(0.5f);
                page.addRect(x, y - height, columns[i], height);
                page.stroke();
                float lineY = y - PADDING - BODY;
                for (String line : wrap(cell.text(), BODY, columns[i] - 2 * PADDING)) {
                    show(line, x + PADDING, lineY, BODY);
                    lineY -= BODY * 1.35f;
                }
                x += columns[i];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height;
    }

    private void show(String text, float x, float baseline, float fontSize) {
        if (text.isEmpty()) {
            return;
        }
        try {
            page.beginText();
            page.setFont(font, fontSize);
            page.newLineAtOffset(x, baseline);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as lines that fit the width, broken between characters (Japanese has no spaces to break at). */
    List<String> wrap(String text, float fontSize, float width) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            lines.add("");
            return lines;
        }
        for (String paragraph : text.split("\r\n|\n|\r", -1)) {
            String clean = clean(paragraph);
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < clean.length(); ) {
                int cp = clean.codePointAt(i);
                float w = charWidth(cp) * fontSize / 1000;
                if (used + w > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.appendCodePoint(cp);
                used += w;
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float textWidth(String text, float fontSize) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += charWidth(cp);
            i += Character.charCount(cp);
        }
        return w * fontSize / 1000;
    }

    private float charWidth(int cp) {
        return widths.computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return 1000f;
            }
        });
    }

    /** One line of text the font can show: controls become spaces, missing glyphs {@code ?}. */
    private String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        }
        return out.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            return font.getCmapLookup().getGlyphId(cp) != 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The PDF, with "n / N" and the footer on each page. */
    public byte[] bytes() {
        try {
            page.close();
            page = null;
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String number = (i + 1) + " / " + count;
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN - 16);
                    foot.showText(clean(footer));
                    foot.endText();
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset(size.getWidth() - MARGIN - textWidth(number, 8), MARGIN - 16);
                    foot.showText(number);
                    foot.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (page != null) {
                page.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
