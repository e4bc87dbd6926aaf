package jp.tenken.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies of lists read from documents, keeping null elements for the validator to report. */
public final class Lists {
    private Lists() {
    }

    public static <T> List<T> immutable(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static <T> List<T> immutableOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
