package jp.tenken.i18n;

import jp.tenken.engine.Language;
import org.apache.commons.text.StringSubstitutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The product's own messages (errors, command-line labels), one bundle per language under
 * {@code i18n/messages_<lang>.properties} on the class path. Rule messages live with the rules.
 */
public final class Texts {

    private static final Map<Language, Properties> BUNDLES = load();

    private Texts() {
    }

    /** The message for {@code key} in {@code language} with {@code ${name}} parameters filled in. */
    public static String get(Language language, String key, Map<String, ?> params) {
        String template = BUNDLES.get(language).getProperty(key, BUNDLES.get(Language.JA).getProperty(key, key));
        // Values are user text (names, ids); "${…}" inside them must stay as it is.
        return new StringSubstitutor(params).setDisableSubstitutionInValues(true).replace(template);
    }

    public static String get(Language language, String key) {
        return get(language, key, Map.of());
    }

    /**
     * A count with its noun, singular or plural as the language wants ({@code 1 error}, {@code 2
     * errors}, {@code エラー 1件}): {@code key.one} for one where the language has it, else {@code key.other}.
     */
    public static String count(Language language, String key, long n) {
        String form = n == 1 && BUNDLES.get(language).containsKey(key + ".one") ? key + ".one" : key + ".other";
        return get(language, form, Map.of("n", n));
    }

    /** The text of {@code key} in {@code language} when that language has one, else {@code fallback} as it is. */
    public static String getOr(Language language, String key, String fallback) {
        String text = BUNDLES.get(language).getProperty(key);
        return text == null ? fallback : text;
    }

    public static boolean has(String key) {
        return BUNDLES.get(Language.JA).containsKey(key);
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> bundles = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = "i18n/messages_" + language.code() + ".properties";
            Properties properties = new Properties();
            try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " missing from the class path");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, properties);
        }
        return bundles;
    }
}
