package jp.tenken.checklist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jp.tenken.document.Lists;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A checklist as data ({@code checklists/<id>.yaml}), checked by {@link ChecklistLoader} when read. */
public record Checklist(String id, String version, String title, String titleEn, String basis, List<ChecklistItem> items) {
    public Checklist {
        items = Lists.immutable(items);
    }

    public Optional<ChecklistItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** Items other items depend on: answering NO there means "does not apply to us", not a failure. */
    @JsonIgnore
    public Set<String> gateIds() {
        return items.stream().map(ChecklistItem::dependsOn).filter(d -> d != null).collect(Collectors.toSet());
    }
}
