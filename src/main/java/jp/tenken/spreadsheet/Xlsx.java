package jp.tenken.spreadsheet;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one sheet of an Excel workbook (.xlsx) sent by anyone, without trusting it (CONTRACT §9).
 * Nothing is evaluated: a formula is reported as one, with the value Excel cached. What is not a
 * workbook is refused with a {@link DocumentRejectedException} (400) naming the problem in Japanese
 * or English, never another exception:
 *
 * <ul>
 * <li>not a zip, a truncated or corrupt zip;</li>
 * <li>an OLE2 file: an encrypted (password-protected) workbook or the old xls (BIFF) format;</li>
 * <li>a zip bomb: POI's {@link ZipSecureFile} limits, an entry inflating more than
 *     {@value #MAX_INFLATE_FACTOR} times its compressed size or past {@value #MAX_ENTRY_BYTES} bytes;
 *     more than {@value #MAX_ENTRIES} entries;</li>
 * <li>XML with a DOCTYPE (entity bombs, external entities);</li>
 * <li>more than {@value #MAX_ROWS} rows or {@value #MAX_CELLS} non-empty cells in the sheet.</li>
 * </ul>
 *
 * <p>The workbook is read from a temporary file (deleted at once) part by part with SAX: only the
 * package's relationships, the workbook's sheet list, the styles' date formats, the shared strings
 * and the one sheet are inflated, each as a stream, so the heap holds the cells and strings and
 * never a whole inflated entry or a DOM.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** CONTRACT §9: more than 10,000 rows is no workbook Tenken reads. */
    public static final int MAX_ROWS = 10_000;
    /** Non-empty cells of one row, on average over the sheet. */
    public static final int CELLS_PER_ROW = 20;
    /** Non-empty cells of the sheet: 10,000 rows of 20 columns. */
    public static final int MAX_CELLS = MAX_ROWS * CELLS_PER_ROW;
    /** Inflated size of one entry of the zip: a sheet of 10,000 full rows is about 5 MB. */
    public static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;
    /** An entry may inflate to at most this many times its compressed size (POI's default ratio 0.01). */
    public static final int MAX_INFLATE_FACTOR = 100;
    public static final int MAX_ENTRIES = 1_000;

    private static final String OFFICE_DOCUMENT = "/officeDocument";
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_INFLATE_FACTOR);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private Xlsx() {
    }

    /** Whether a Content-Type names an xlsx workbook. */
    public static boolean isXlsx(String contentType) {
        return contentType != null && contentType.split(";")[0].trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /** The non-empty cells of the named sheet; refused (400) when the file is no workbook or lacks the sheet. */
    public static SheetCells readSheet(byte[] body, String sheetName) {
        Map<String, SheetCells> sheets = readSheets(body, List.of(sheetName), MAX_ROWS);
        if (!sheets.containsKey(sheetName)) {
            throw refused("xlsx.sheet-missing", "sheet", sheetName);
        }
        return sheets.get(sheetName);
    }

    /**
     * The non-empty cells of each named sheet the workbook has (a name it lacks is left out of the
     * answer, for the caller to refuse or not), read in one pass over the package: the shared strings
     * and styles once for all. {@code maxRows} is the most rows of one sheet (the service's
     * {@value #MAX_ROWS}; the command line reads larger files); the cells of a sheet are bounded at
     * {@value #CELLS_PER_ROW} times that.
     */
    public static Map<String, SheetCells> readSheets(byte[] body, List<String> sheetNames, int maxRows) {
        if (body == null || body.length == 0) {
            throw refused("document.empty");
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            throw refused("xlsx.not-zip");
        }
        if (magic == FileMagic.OLE2) {
            throw refused(encrypted(body) ? "xlsx.encrypted" : "xlsx.xls");
        }
        if (magic != FileMagic.OOXML) {
            throw refused("xlsx.not-zip");
        }
        Path file = null;
        try {
            file = Files.createTempFile("tenken-", ".xlsx");
            Files.write(file, body);
            try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
                // ZipSecureFile counts entries only when POI opens a package; a workbook has a few dozen.
                int entries = 0;
                for (var e = zip.getEntries(); e.hasMoreElements(); e.nextElement()) {
                    if (++entries > MAX_ENTRIES) {
                        throw bombRefused();
                    }
                }
                return new Parts(zip, maxRows).sheets(sheetNames);
            }
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (Stop e) {
            throw DocumentRejectedException.malformed(e.problem);
        } catch (SAXException e) {
            Throwable cause = e.getException() != null ? e.getException() : e.getCause();
            if (cause instanceof Stop stop) {
                throw DocumentRejectedException.malformed(stop.problem);
            }
            if (bomb(e)) {
                throw bombRefused();
            }
            throw refused("xlsx.xml");
        } catch (IOException | RuntimeException e) {
            if (bomb(e)) {
                throw bombRefused();
            }
            throw refused("xlsx.corrupt");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** An OOXML file encrypted with a password is an OLE2 container holding EncryptionInfo. */
    private static boolean encrypted(byte[] body) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(body))) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            // POI's words for its ZipSecureFile limits: the inflate ratio, the entry size, the entry count.
            if (message.contains("Zip bomb") || message.contains("exceeds the max size") || message.contains("MAX_FILE_COUNT")) {
                return true;
            }
            if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t) {
                return bomb(sax.getException());
            }
        }
        return false;
    }

    private static DocumentRejectedException bombRefused() {
        return refused("xlsx.zip-bomb", "factor", String.valueOf(MAX_INFLATE_FACTOR), "limit", String.valueOf(MAX_ENTRY_BYTES),
                "entries", String.valueOf(MAX_ENTRIES));
    }

    private static DocumentRejectedException refused(String key, String... params) {
        return DocumentRejectedException.malformed(Problem.of("", key, params));
    }


    /** A problem found while a part is read, carried out of the SAX parser. */
    private static final class Stop extends RuntimeException {
        final Problem problem;

        Stop(Problem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }
    }

    /** A SAX parser that refuses any DOCTYPE, so no entity can be declared, expanded or fetched. */
    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("no safe XML parser", e);
        }
    }

    /** The parts of the package, found through its relationships as Excel writes them. */
    private static final class Parts {
        private final ZipSecureFile zip;
        private final int maxRows;
        private final SAXParser parser = parser();

        Parts(ZipSecureFile zip, int maxRows) {
            this.zip = zip;
            this.maxRows = maxRows;
        }

        Map<String, SheetCells> sheets(List<String> sheetNames) throws IOException, SAXException {
            String workbook = relationships("", "_rels/.rels").entrySet().stream()
                    .filter(e -> e.getKey().endsWith(OFFICE_DOCUMENT)).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new Stop(Problem.of("", "xlsx.corrupt")));
            String folder = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
            Map<String, String> targets = new HashMap<>();
            String sheetsRels = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
            Map<String, String> types = new HashMap<>();
            parse(sheetsRels, new ElementHandler("Relationship", a -> {
                String target = resolve(folder, a.getValue("Target"));
                targets.put(a.getValue("Id"), target);
                types.putIfAbsent(a.getValue("Type"), target);
            }));
            Map<String, String> sheets = new HashMap<>();
            parse(workbook, new ElementHandler("sheet", a -> sheets.put(a.getValue("name"),
                    a.getValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"))));
            Map<String, SheetCells> found = new java.util.LinkedHashMap<>();
            if (sheetNames.stream().noneMatch(name -> sheets.get(name) != null && targets.get(sheets.get(name)) != null)) {
                return found;
            }
            List<String> strings = new ArrayList<>();
            String sharedStrings = typed(types, "/sharedStrings");
            if (sharedStrings != null) {
                parse(sharedStrings, new StringsHandler(strings));
            }
            List<Boolean> dateStyles = new ArrayList<>();
            String styles = typed(types, "/styles");
            if (styles != null) {
                parse(styles, new StylesHandler(dateStyles));
            }
            for (String sheetName : sheetNames) {
                String id = sheets.get(sheetName);
                if (id == null || targets.get(id) == null) {
                    continue;
                }
                SheetCells cells = new SheetCells(sheetName);
                parse(targets.get(id), new SheetHandler(cells, strings, dateStyles, maxRows));
                found.put(sheetName, cells);
            }
            return found;
        }

        private static String typed(Map<String, String> types, String suffix) {
            return types.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().endsWith(suffix))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** Relationship type → target part of the package's own relationships. */
        private Map<String, String> relationships(String folder, String part) throws IOException, SAXException {
            Map<String, String> byType = new HashMap<>();
            parse(part, new ElementHandler("Relationship", a -> byType.putIfAbsent(a.getValue("Type"),
                    resolve(folder, a.getValue("Target")))));
            return byType;
        }

        private void parse(String part, DefaultHandler handler) throws IOException, SAXException {
            ZipArchiveEntry entry = zip.getEntry(part);
            if (entry == null) {
                throw new Stop(Problem.of("", "xlsx.corrupt"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                parser.reset();
                parser.parse(in, handler);
            }
        }

        /** A relationship's target as a part name: {@code /xl/worksheets/sheet1.xml} or relative to the folder. */
        private static String resolve(String folder, String target) {
            if (target == null) {
                throw new Stop(Problem.of("", "xlsx.corrupt"));
            }
            String path = target.startsWith("/") ? target.substring(1) : folder + target;
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (p.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else if (!p.isEmpty() && !p.equals(".")) {
                    parts.add(p);
                }
            }
            return String.join("/", parts);
        }
    }

    /** Calls back with the attributes of each element of one local name. */
    private static final class ElementHandler extends DefaultHandler {
        private final String name;
        private final java.util.function.Consumer<Attributes> found;

        ElementHandler(String name, java.util.function.Consumer<Attributes> found) {
            this.name = name;
            this.found = found;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (name.equals(localName)) {
                found.accept(attributes);
            }
        }
    }

    /** The shared strings: the text of each {@code si}, its phonetic runs ({@code rPh}, furigana) left out. */
    private static final class StringsHandler extends DefaultHandler {
        private final List<String> strings;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private int phonetic;

        StringsHandler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> text.setLength(0);
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> strings.add(unescape(text.toString()));
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /** Which cell styles ({@code cellXfs}, by index) show a date. */
    private static final class StylesHandler extends DefaultHandler {
        private final List<Boolean> dateStyles;
        private final Map<Integer, String> formats = new HashMap<>();
        private boolean inCellXfs;

        StylesHandler(List<Boolean> dateStyles) {
            this.dateStyles = dateStyles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("numFmt")) {
                try {
                    formats.put(Integer.parseInt(attributes.getValue("numFmtId")), attributes.getValue("formatCode"));
                } catch (NumberFormatException e) {
                    // a format without a number cannot be referred to
                }
            } else if (localName.equals("cellXfs")) {
                inCellXfs = true;
            } else if (localName.equals("xf") && inCellXfs) {
                int id;
                try {
                    id = Integer.parseInt(attributes.getValue("numFmtId") == null ? "0" : attributes.getValue("numFmtId"));
                } catch (NumberFormatException e) {
                    id = 0;
                }
                String code = formats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
                dateStyles.add(code != null && DateUtil.isADateFormat(id, code));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("cellXfs")) {
                inCellXfs = false;
            }
        }
    }

    /** The cells of a sheet, stopping at the row or cell limit. */
    private static final class SheetHandler extends DefaultHandler {
        private final SheetCells cells;
        private final List<String> strings;
        private final List<Boolean> dateStyles;
        private final StringBuilder value = new StringBuilder();
        private int rows;
        private int count;
        private int row;
        private int nextColumn;
        private String ref;
        private String type;
        private int style;
        private boolean formula;
        private boolean inValue;
        private int phonetic;
        private final int maxRows;
        private final long maxCells;

        SheetHandler(SheetCells cells, List<String> strings, List<Boolean> dateStyles, int maxRows) {
            this.cells = cells;
            this.strings = strings;
            this.dateStyles = dateStyles;
            this.maxRows = maxRows;
            this.maxCells = (long) maxRows * CELLS_PER_ROW;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    if (++rows > maxRows) {
                        throw new Stop(Problem.of(cells.sheet(), "xlsx.rows", "max", String.valueOf(maxRows)));
                    }
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : parseRow(r);
                    nextColumn = 0;
                }
                case "c" -> {
                    ref = attributes.getValue("r");
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : parseInt(s);
                    formula = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> inValue = true;
                case "rPh" -> phonetic++;
                case "t" -> inValue = phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> phonetic--;
                case "c" -> cell();
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        private void cell() {
            int column;
            if (ref != null) {
                // A1-style as Excel writes it (letters, then the row): read here, as the hot path of a large sheet.
                int letters = 0;
                int col = 0;
                while (letters < ref.length() && letters < 4 && Character.isLetter(ref.charAt(letters))) {
                    char c = Character.toUpperCase(ref.charAt(letters));
                    if (c < 'A' || c > 'Z') {
                        throw new Stop(Problem.of("", "xlsx.corrupt"));
                    }
                    col = col * 26 + (c - 'A' + 1);
                    letters++;
                }
                if (letters == 0 || letters == ref.length()) {
                    throw new Stop(Problem.of("", "xlsx.corrupt"));
                }
                column = col - 1;
                row = parseRow(ref.substring(letters));
            } else {
                column = nextColumn;
            }
            nextColumn = column + 1;
            String raw = value.toString();
            if (raw.isEmpty() && !formula) {
                return;
            }
            if (++count > maxCells) {
                throw new Stop(Problem.of(cells.sheet(), "xlsx.cells", "max", String.valueOf(maxCells)));
            }
            Cell.Kind kind;
            String text;
            if (type == null || type.equals("n")) {
                kind = Cell.Kind.NUMBER;
                text = raw.strip();
            } else {
                switch (type) {
                    case "s" -> {
                        int index = parseInt(raw.strip());
                        if (index < 0 || index >= strings.size()) {
                            throw new Stop(Problem.of("", "xlsx.corrupt"));
                        }
                        kind = Cell.Kind.TEXT;
                        text = strings.get(index);
                    }
                    case "b" -> {
                        kind = Cell.Kind.BOOLEAN;
                        text = raw.strip().equals("1") ? "TRUE" : "FALSE";
                    }
                    case "e" -> {
                        kind = Cell.Kind.ERROR;
                        text = raw;
                    }
                    default -> {
                        // inlineStr, str (a formula's text), d (an ISO 8601 date as text)
                        kind = Cell.Kind.TEXT;
                        text = unescape(raw);
                    }
                }
            }
            boolean date = style >= 0 && style < dateStyles.size() && dateStyles.get(style);
            String address = ref != null && Character.isUpperCase(ref.charAt(0)) ? ref
                    : CellReference.convertNumToColString(column) + row;
            cells.add(new Cell(address, row, column, kind, text, date, formula));
        }

        private static int parseRow(String r) {
            int n = parseInt(r);
            if (n < 1 || n > 1_048_576) {
                throw new Stop(Problem.of("", "xlsx.corrupt"));
            }
            return n;
        }

        private static int parseInt(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new Stop(Problem.of("", "xlsx.corrupt"));
            }
        }
    }

    /** Excel writes characters XML cannot hold as {@code _x000D_}. */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
