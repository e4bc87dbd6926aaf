package jp.tenken.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.tenken.document.Lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checklist as data ({@code checklists/<id>.yaml}), checked by {@link ChecklistLoader} when read.
 * {@code supersedes} (optional) names the version this one replaces and maps each of its item ids to
 * the id that carries it on here, or to {@link Supersedes#REMOVED}.
 */
public record Checklist(String id, String version, String title, String titleEn, String basis, List<ChecklistItem> items,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Supersedes supersedes) {
    public Checklist {
        items = Lists.immutable(items);
    }

    public Checklist(String id, String version, String title, String titleEn, String basis, List<ChecklistItem> items) {
        this(id, version, title, titleEn, basis, items, null);
    }

    public Optional<ChecklistItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /**
     * The earlier version this one replaces and where each of its items went: {@code items} maps every
     * item id of that version to an item id of this one (the same id, a renamed one, or the part of a
     * split question that keeps its meaning) or to {@code removed}; no id of this version is the target
     * twice. Items of this version that no old id maps to are new.
     */
    public record Supersedes(String version, Map<String, String> items) {
        public static final String REMOVED = "removed";

        public Supersedes {
            items = items == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
        }
    }
}
