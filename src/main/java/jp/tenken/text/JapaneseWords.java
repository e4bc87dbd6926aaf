package jp.tenken.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Japanese text as the content words it is made of: Lucene's Kuromoji morphological analyser
 * splits the text into words with their base form (活用しました → 活用 + する) and part of speech,
 * and only nouns, independent verbs and adjectives and unknown words (names, acronyms such as ICT
 * or SNS) are kept, as base forms. Particles, auxiliaries, numbers, suffixes and a few verbs that
 * say nothing of the subject (する, 行う, 図る …) are dropped.
 *
 * <p>Compounds are split as a search engine splits them (登園管理システム → 登園 管理 システム), so
 * that a result and an initiative that name the same thing in different compounds share words.
 * The text is NFKC-normalised and lower-cased first (ＩＣＴ, ＩＣＴ and ict are one word).
 *
 * <p>Kuromoji's dictionaries (some 50 MB in memory) are read when the first text is analysed;
 * {@link #warmUp()} does that at start-up so that no request pays it. Thread-safe: Lucene's
 * analyser keeps one tokenizer per thread.
 */
public final class JapaneseWords {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JapaneseWords.class);

    /** Verbs and nouns that appear in nearly every sentence of a report and tell nothing of its subject. */
    private static final Set<String> STOP_WORDS = Set.of(
            "する", "ある", "いる", "なる", "れる", "られる", "できる", "行う", "図る", "進める", "つなげる",
            "こと", "もの", "ため", "よう", "ほか", "等", "など", "とき", "方");

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            // No user dictionary; SEARCH mode splits long compounds and drops the compound itself.
            return new TokenStreamComponents(new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH));
        }
    };

    private static volatile CompletableFuture<JapaneseWords> loading;

    /**
     * Starts reading the dictionaries on a thread of its own, as {@code main} does for the rules:
     * the start of the service then waits for whichever of the two takes longer, not for both.
     */
    public static synchronized void startLoading() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(() -> new JapaneseWords().warmUp());
        }
    }

    /** The analyser with its dictionaries read: the one {@link #startLoading()} began, or a new one. */
    public static JapaneseWords loaded() {
        CompletableFuture<JapaneseWords> started;
        synchronized (JapaneseWords.class) {
            started = loading;
        }
        return started == null ? new JapaneseWords().warmUp() : started.join();
    }

    /** Reads the dictionaries now, at start-up, rather than on the first request. */
    public JapaneseWords warmUp() {
        long started = System.nanoTime();
        words("平塚市の取組を評価しました。");
        LOG.info("Read the Japanese dictionaries (Kuromoji) in {} ms", (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** The content words of the text, as base forms, in the order they occur (repeats kept). */
    public List<String> words(String text) {
        return analyse(text, false);
    }

    /**
     * The content words of the text and, after each pair of content words written together as one
     * compound (電子図書館 → 電子, 図書館), the pair joined with a space ({@code "電子 図書館"}): two
     * texts that use the same compound then share a rarer term than its parts, which another text
     * may use apart (電子証明書, 図書館カード).
     */
    public List<String> terms(String text) {
        return analyse(text, true);
    }

    private List<String> analyse(String text, boolean compounds) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        try (TokenStream stream = analyzer.tokenStream("text", normalised)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            BaseFormAttribute base = stream.addAttribute(BaseFormAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            String previous = null;
            int previousEnd = -1;
            while (stream.incrementToken()) {
                String partOfSpeech = pos.getPartOfSpeech();
                String word = base.getBaseForm() != null ? base.getBaseForm() : term.toString();
                if (!isContent(partOfSpeech) || STOP_WORDS.contains(word) || isPunctuation(word)) {
                    previous = null;
                    continue;
                }
                words.add(word);
                if (compounds && previous != null && previousEnd == offset.startOffset()) {
                    words.add(previous + " " + word);
                }
                previous = word;
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return words;
    }

    /**
     * Nouns that name something (general, proper, verbal and adjectival nouns), independent verbs and
     * adjectives, and words the dictionary does not know (null part of speech: names, acronyms).
     */
    static boolean isContent(String partOfSpeech) {
        if (partOfSpeech == null) {
            return true;
        }
        if (partOfSpeech.startsWith("名詞")) {
            return !(partOfSpeech.startsWith("名詞-数") || partOfSpeech.startsWith("名詞-非自立")
                    || partOfSpeech.startsWith("名詞-代名詞") || partOfSpeech.startsWith("名詞-接尾")
                    || partOfSpeech.startsWith("名詞-特殊") || partOfSpeech.startsWith("名詞-副詞可能"));
        }
        return partOfSpeech.equals("動詞-自立") || partOfSpeech.equals("形容詞-自立") || partOfSpeech.startsWith("未知語");
    }

    private static boolean isPunctuation(String word) {
        return word.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
