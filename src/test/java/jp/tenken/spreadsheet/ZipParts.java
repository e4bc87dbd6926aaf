package jp.tenken.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The parts of a workbook (a zip) read and rewritten by the hostile-file tests of both workbooks
 * (self-inspection and plan): a part replaced by hand-made XML, or by a stream of spaces that
 * deflates to about a thousandth of its size (a zip bomb).
 */
public final class ZipParts {

    private ZipParts() {
    }

    /**
     * The entries by the zip's central directory, in their order: POI's streaming writer leaves the
     * sizes out of the local headers, so the file is read as a whole, not as a stream.
     */
    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Path file = Files.createTempFile("tenken-", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile zipFile = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(zipFile.entries())) {
                    try (InputStream in = zipFile.getInputStream(e)) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return entries;
    }

    /** One entry's bytes. */
    public static byte[] entry(byte[] zip, String name) throws IOException {
        byte[] entry = entries(zip).get(name);
        if (entry == null) {
            throw new AssertionError("no entry " + name);
        }
        return entry;
    }

    /** The zip with some entries replaced (or added). */
    public static byte[] replaced(byte[] zip, Map<String, byte[]> replaced) throws IOException {
        return rewritten(zip, replaced, null, 0);
    }

    /** The zip with one entry replaced by {@code size} bytes of spaces, written as a stream. */
    public static byte[] padded(byte[] zip, String name, long size) throws IOException {
        return rewritten(zip, Map.of(), name, size);
    }

    private static byte[] rewritten(byte[] zip, Map<String, byte[]> replaced, String padded, long size) throws IOException {
        Map<String, byte[]> entries = entries(zip);
        entries.putAll(replaced);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(padded)) {
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    zipOut.write("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8));
                    for (long written = 0; written < size; written += spaces.length) {
                        zipOut.write(spaces);
                    }
                } else {
                    zipOut.write(e.getValue());
                }
                zipOut.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
