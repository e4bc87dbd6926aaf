package jp.tenken.api;

import java.util.Map;

/** Something a URL names does not exist; answered with 404 and a message in the reader's language. */
public class NotFoundException extends RuntimeException {
    private final String key;
    private final Map<String, String> params;

    public NotFoundException(String key, Map<String, String> params) {
        super(key + " " + params);
        this.key = key;
        this.params = Map.copyOf(params);
    }

    public String key() {
        return key;
    }

    public Map<String, String> params() {
        return params;
    }
}
