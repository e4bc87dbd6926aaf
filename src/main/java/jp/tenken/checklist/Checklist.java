package jp.tenken.checklist;

import jp.tenken.document.Lists;

import java.util.List;
import java.util.Optional;

/** A checklist as data ({@code checklists/<id>.yaml}), checked by {@link ChecklistLoader} when read. */
public record Checklist(String id, String version, String title, String titleEn, String basis, List<ChecklistItem> items) {
    public Checklist {
        items = Lists.immutable(items);
    }

    public Optional<ChecklistItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
