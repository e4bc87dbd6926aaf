package jp.tenken.checklist;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checklists of the checklists folder, loaded and checked once at start. */
public final class ChecklistRegistry {

    private final Map<String, Checklist> checklists;

    public ChecklistRegistry(Map<String, Checklist> checklists) {
        this.checklists = Map.copyOf(checklists);
    }

    public static ChecklistRegistry load(Path folder) {
        return new ChecklistRegistry(ChecklistLoader.load(folder));
    }

    public Optional<Checklist> checklist(String id) {
        return Optional.ofNullable(id).map(checklists::get);
    }

    /** A checklist in the version given; the current one where the version is null or the current one's. */
    public Optional<Checklist> checklist(String id, String version) {
        return checklist(id).filter(c -> version == null || version.equals(c.version()));
    }

    public List<Checklist> all() {
        return checklists.values().stream().sorted(java.util.Comparator.comparing(Checklist::id)).toList();
    }
}
