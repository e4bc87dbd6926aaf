package jp.tenken.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void theHeadersWeightsDecide() {
        assertEquals(Language.EN, Language.of("ja;q=0.1, en;q=0.9"));
        assertEquals(Language.JA, Language.of("en;q=0.5, ja"));
        assertEquals(Language.EN, Language.of("en-US,en;q=0.9,ja;q=0.8"));
        assertEquals(Language.JA, Language.of("ja-JP,ja;q=0.9,en-US;q=0.8"));
    }

    @Test
    void japaneseUnlessEnglishIsAskedFor() {
        assertEquals(Language.JA, Language.of(null));
        assertEquals(Language.JA, Language.of(""));
        assertEquals(Language.JA, Language.of("fr, de;q=0.5"));
        assertEquals(Language.JA, Language.of("en;q=0"));
        assertEquals(Language.JA, Language.of("*"));
        assertEquals(Language.JA, Language.of(";;;q=abc"));
        assertEquals(Language.EN, Language.of("fr, en;q=0.5"));
        assertEquals(Language.EN, Language.of("en, de_DE"));
        assertEquals(Language.EN, Language.of("en_US"));
    }
}
