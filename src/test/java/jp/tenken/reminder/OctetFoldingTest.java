package jp.tenken.reminder;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Content lines folded at 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character. */
class OctetFoldingTest {

    @Test
    void aLongJapaneseLineIsFoldedWithin75OctetsAndUnfoldsToItself() {
        String line = "SUMMARY:【期限超過】市民課 改善策 ORG-01: " + "情報セキュリティ担当者を課内に周知する".repeat(5) + "🔒終わり";
        String folded = OctetFolding.fold(line + "\r\n");
        for (String physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        assertTrue(folded.split("\r\n").length > 3);
        // Unfolding (RFC 5545: remove each CRLF followed by one space) gives the line back, the emoji whole.
        assertEquals(line + "\r\n", folded.replace("\r\n ", ""));
    }

    @Test
    void shortLinesAreLeftAsTheyAre() {
        assertEquals("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", OctetFolding.fold("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        String exactly75 = "X".repeat(75);
        assertEquals(exactly75 + "\r\n", OctetFolding.fold(exactly75));
        assertEquals("X".repeat(75) + "\r\n X\r\n", OctetFolding.fold("X".repeat(76)));
    }
}
