package jp.tenken.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpreadsheetCellsTest {

    @Test
    void aTextThatStartsLikeAFormulaGetsALeadingApostrophe() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            String text = start + "HYPERLINK(\"http://example.com\")";
            assertEquals("'" + text, SpreadsheetCells.text(text), "starting with U+" + Integer.toHexString(start.charAt(0)));
        }
    }

    @Test
    void otherTextIsLeftAsItIs() {
        for (String text : List.of("市民課", "a=b", " =1", "'quoted", "", "\n課", "＝全角")) {
            assertEquals(text, SpreadsheetCells.text(text));
        }
        assertNull(SpreadsheetCells.text(null));
    }
}
