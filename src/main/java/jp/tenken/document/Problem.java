package jp.tenken.document;

import jp.tenken.engine.Language;
import jp.tenken.i18n.Texts;

import java.util.Map;

/**
 * What is wrong with one field of a document, before it is put into words.
 *
 * @param path the field as the contract names it ({@code initiatives[2].no}); empty for the whole document
 * @param key  the message key in {@code i18n/messages_*.properties}
 */
public record Problem(String path, String key, Map<String, String> params) {
    public Problem {
        path = path == null ? "" : path;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static Problem of(String path, String key, String... nameValuePairs) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            params.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new Problem(path, key, params);
    }

    public String message(Language language) {
        return Texts.get(language, key, params);
    }
}
