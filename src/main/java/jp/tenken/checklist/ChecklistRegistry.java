package jp.tenken.checklist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checklists of the checklists folder, loaded and checked once at start: the current version of
 * each, and the earlier versions kept in {@code checklists/previous/}, still readable (CONTRACT §15).
 */
public final class ChecklistRegistry {

    private final Map<String, Checklist> checklists;
    private final Map<String, Map<String, Checklist>> versions;

    public ChecklistRegistry(Map<String, Checklist> checklists) {
        this(checklists, Map.of());
    }

    public ChecklistRegistry(Map<String, Checklist> checklists, Map<String, Map<String, Checklist>> versions) {
        this.checklists = Map.copyOf(checklists);
        this.versions = Map.copyOf(versions);
    }

    public static ChecklistRegistry load(Path folder) {
        ChecklistLoader.Versions loaded = ChecklistLoader.loadAll(folder);
        return new ChecklistRegistry(loaded.current(), loaded.all());
    }

    /** The current version of a checklist. */
    public Optional<Checklist> checklist(String id) {
        return Optional.ofNullable(id).map(checklists::get);
    }

    /** A checklist in the version given (an earlier one too); the current one where the version is null. */
    public Optional<Checklist> checklist(String id, String version) {
        Optional<Checklist> current = checklist(id);
        if (version == null || current.map(c -> version.equals(c.version())).orElse(false)) {
            return current;
        }
        return Optional.ofNullable(versions.getOrDefault(id, Map.of()).get(version));
    }

    /**
     * Where an item of an earlier version of a checklist is in a later one, following each version's
     * {@code supersedes} mapping: the id that carries it on (the same, or renamed), or empty where it was
     * removed or either version is unknown. The same version gives the item itself if it has it.
     */
    public Optional<String> follow(String checklistId, String fromVersion, String itemId, String toVersion) {
        Optional<Checklist> to = checklist(checklistId, toVersion);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        if (to.get().version().equals(fromVersion)) {
            return to.get().item(itemId).map(ChecklistItem::id);
        }
        List<Checklist> chain = new ArrayList<>();
        Checklist step = to.get();
        while (step != null && !step.version().equals(fromVersion)) {
            chain.add(0, step);
            if (step.supersedes() == null || chain.size() > versions.getOrDefault(checklistId, Map.of()).size() + 1) {
                return Optional.empty();
            }
            step = checklist(checklistId, step.supersedes().version()).orElse(null);
        }
        if (step == null) {
            return Optional.empty();
        }
        String id = itemId;
        for (Checklist later : chain) {
            id = later.supersedes().items().get(id);
            if (id == null || Checklist.Supersedes.REMOVED.equals(id)) {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    /** The versions kept of a checklist, the current one last. */
    public List<String> versions(String id) {
        List<String> kept = new ArrayList<>(versions.getOrDefault(id, Map.of()).keySet());
        checklist(id).ifPresent(c -> {
            kept.remove(c.version());
            kept.add(c.version());
        });
        return kept;
    }

    public List<Checklist> all() {
        return checklists.values().stream().sorted(Comparator.comparing(Checklist::id)).toList();
    }
}
