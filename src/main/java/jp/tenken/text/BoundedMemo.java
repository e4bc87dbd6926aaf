package jp.tenken.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a function gave for short names that recur (a city has a few dozen department
 * names), up to a fixed number of entries, so that hostile input cannot grow it without limit;
 * beyond that, or for long names, the function is simply called again.
 */
public final class BoundedMemo {

    /** Longer names are not remembered: real department names are far shorter. */
    private static final int LONGEST_NAME = 100;

    private final Map<String, String> remembered = new ConcurrentHashMap<>();
    private final int limit;
    private final Function<String, String> function;

    public BoundedMemo(int limit, Function<String, String> function) {
        this.limit = limit;
        this.function = function;
    }

    public String apply(String name) {
        String value = remembered.get(name);
        if (value == null) {
            value = function.apply(name);
            if (name.length() <= LONGEST_NAME && remembered.size() < limit) {
                remembered.put(name, value);
            }
        }
        return value;
    }
}
