package jp.tenken.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TextKeysTest {

    @Test
    void titlesDifferingOnlyInWidthSpacesAndPunctuationShareAKey() {
        assertEquals(TextKeys.titleKey("書かない窓口の導入"), TextKeys.titleKey("書かない窓口 の導入。"));
        assertEquals(TextKeys.titleKey("ICTを活用した窓口(試行)"), TextKeys.titleKey("ＩＣＴを活用した窓口（試行）"));
    }

    @Test
    void theWaveDashAndEveryTildeAreTheSamePunctuation() {
        String key = TextKeys.titleKey("4月〜6月");
        assertEquals(key, TextKeys.titleKey("4月～6月"));
        assertEquals(key, TextKeys.titleKey("4月~6月"));
        assertEquals("4月6月", key);
    }

    @Test
    void aDifferentWordIsADifferentKey() {
        assertNotEquals(TextKeys.titleKey("書かない窓口の導入"), TextKeys.titleKey("書かない窓口の拡充"));
    }

    @Test
    void departmentKeysIgnoreWidthAndSpacesButKeepPunctuation() {
        assertEquals(TextKeys.departmentKey("市民情報・相談課"), TextKeys.departmentKey("市民情報・相談課 "));
        assertNotEquals(TextKeys.departmentKey("市民情報・相談課"), TextKeys.departmentKey("市民情報相談課"));
    }
}
