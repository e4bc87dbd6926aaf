package jp.tenken.checklist;

import com.fasterxml.jackson.core.JsonPointer;
import jp.tenken.source.YamlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code checklists/*.yaml} and checks each as data before it is used (like {@code inspec check}):
 * required fields, unique item ids, {@code dependsOn} naming an existing YES_NO item without a cycle,
 * a threshold in 0–100 on every PERCENT item and on no other, a gate that allows NA and has the same
 * submitter (scope ORGANIZATION or not) as the items behind it, a SYSTEM_OWNER item that a department
 * without a system can answer NA. One broken checklist stops the start, naming file and item.
 */
public final class ChecklistLoader {

    private static final JsonPointer ITEMS = JsonPointer.empty().appendProperty("items");

    /** A problem of a checklist at one of its nodes ({@code /items/3}), where its line is looked up. */
    public record Problem(JsonPointer node, String text) {
    }

    private ChecklistLoader() {
    }

    /** The folder under the checklists folder that keeps the earlier versions, still readable. */
    public static final String PREVIOUS = "previous";

    /** The current version of every checklist of the folder by id. */
    public static Map<String, Checklist> load(Path folder) {
        return loadAll(folder).current();
    }

    /**
     * Every checklist of the folder: the current versions ({@code checklists/*.yaml}) and the earlier
     * ones ({@code checklists/previous/*.yaml}), each checked alone, then each {@code supersedes}
     * checked against the version it names (every old id mapped or removed, no new id the target twice).
     */
    public static Versions loadAll(Path folder) {
        Map<String, Checklist> current = loadFolder(folder, true);
        Path previousFolder = folder.resolve(PREVIOUS);
        List<Checklist> earlier = Files.isDirectory(previousFolder) ? List.copyOf(loadFolder(previousFolder, false).values()) : List.of();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Checklist>> byIdAndVersion = new LinkedHashMap<>();
        for (Checklist checklist : current.values()) {
            byIdAndVersion.computeIfAbsent(checklist.id(), k -> new LinkedHashMap<>()).put(checklist.version(), checklist);
        }
        for (Checklist checklist : earlier) {
            if (!current.containsKey(checklist.id())) {
                problems.add(previousFolder + ": checklist " + checklist.id() + " version " + checklist.version()
                        + " is an earlier version of no current checklist");
            } else if (byIdAndVersion.get(checklist.id()).putIfAbsent(checklist.version(), checklist) != null) {
                problems.add(previousFolder + ": checklist " + checklist.id() + " version " + checklist.version() + " is given twice");
            }
        }
        for (Map<String, Checklist> versions : byIdAndVersion.values()) {
            for (Checklist checklist : versions.values()) {
                if (checklist.supersedes() == null) {
                    continue;
                }
                Checklist older = versions.get(checklist.supersedes().version());
                String heading = checklist.id() + " version " + checklist.version() + ": supersedes";
                if (older == null || older == checklist) {
                    problems.add(heading + " names version " + checklist.supersedes().version() + ", which is not kept in " + previousFolder);
                } else {
                    mappingProblems(checklist, older).forEach(p -> problems.add(heading + ": " + p));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ChecklistException("checklist versions are not valid", problems);
        }
        return new Versions(current, byIdAndVersion);
    }

    /** The checklists by id, and every version of each by version. */
    public record Versions(Map<String, Checklist> current, Map<String, Map<String, Checklist>> all) {
    }

    /**
     * What is wrong with the mapping of {@code newer.supersedes} from the items of {@code older}: an old
     * id neither mapped nor removed, a key that is no old id, a target that is no new id, a new id that
     * is the target twice.
     */
    public static List<String> mappingProblems(Checklist newer, Checklist older) {
        List<String> problems = new ArrayList<>();
        Map<String, String> mapping = newer.supersedes().items();
        for (ChecklistItem item : older.items()) {
            if (item != null && item.id() != null && !mapping.containsKey(item.id())) {
                problems.add("item " + item.id() + " of version " + older.version() + " is neither mapped to an item nor marked removed");
            }
        }
        Map<String, String> sourceOfTarget = new HashMap<>();
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String old = entry.getKey();
            String target = entry.getValue();
            if (older.item(old).isEmpty()) {
                problems.add(old + " is not an item of version " + older.version());
            }
            if (target == null || target.isBlank()) {
                problems.add(old + ": map it to an item id or to " + Checklist.Supersedes.REMOVED);
            } else if (!Checklist.Supersedes.REMOVED.equals(target)) {
                if (newer.item(target).isEmpty()) {
                    problems.add(old + " is mapped to " + target + ", which is not an item of version " + newer.version());
                }
                String first = sourceOfTarget.putIfAbsent(target, old);
                if (first != null) {
                    problems.add(old + " is mapped to " + target + ", which " + first + " is already mapped to (no new id is the target twice)");
                }
            }
        }
        return problems;
    }

    private static Map<String, Checklist> loadFolder(Path folder, boolean uniqueIds) {
        Map<String, Checklist> checklists = new LinkedHashMap<>();
        Map<String, Path> fileOfId = new HashMap<>();
        for (Path file : checklistFiles(folder)) {
            YamlFile<Checklist> read = YamlFile.read(file, Checklist.class, ChecklistException::new);
            Checklist checklist = read.value();
            List<String> problems = new ArrayList<>(problems(checklist).stream().map(p -> read.problem(p.node(), p.text())).toList());
            Path other = checklist.id() == null || !uniqueIds ? null : fileOfId.putIfAbsent(checklist.id(), file);
            if (other != null) {
                problems.add(read.problem(JsonPointer.empty().appendProperty("id"), "checklist id " + checklist.id() + " is already used by " + other));
            }
            if (!problems.isEmpty()) {
                throw new ChecklistException("checklist is not valid", problems);
            }
            checklists.put(uniqueIds ? checklist.id() : checklist.id() + "@" + checklist.version(), checklist);
        }
        return checklists;
    }

    private static List<Path> checklistFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ChecklistException(folder + ": checklists folder not found (set tenken.checklists-dir)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ChecklistException(folder + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** What is wrong with a checklist, each at the node it concerns and naming the item; empty when it is sound. */
    public static List<Problem> problems(Checklist checklist) {
        List<Problem> problems = new ArrayList<>();
        if (blank(checklist.id()) || blank(checklist.version()) || blank(checklist.title())) {
            problems.add(new Problem(JsonPointer.empty(), "id, version and title are required"));
        }
        if (checklist.items().isEmpty()) {
            problems.add(new Problem(ITEMS, "items: at least one item is required"));
        }
        Map<String, ChecklistItem> byId = new HashMap<>();
        for (int i = 0; i < checklist.items().size(); i++) {
            ChecklistItem item = checklist.items().get(i);
            JsonPointer at = ITEMS.appendIndex(i);
            String where = "items[" + i + "]" + (item == null || blank(item.id()) ? "" : " (" + item.id() + ")");
            if (item == null || blank(item.id())) {
                problems.add(new Problem(at, where + ": id is required"));
                continue;
            }
            if (byId.putIfAbsent(item.id(), item) != null) {
                problems.add(new Problem(at, where + ": id " + item.id() + " is used twice"));
            }
            if (blank(item.chapter()) || blank(item.question()) || item.severity() == null || item.answerType() == null
                    || item.evidenceRequired() == null || item.naAllowed() == null) {
                problems.add(new Problem(at, where + ": chapter, question, severity, answerType, evidenceRequired and naAllowed are required"));
            }
            if (item.answerType() == AnswerType.PERCENT && (item.threshold() == null || item.threshold() < 0 || item.threshold() > 100)) {
                problems.add(new Problem(at, where + ": a PERCENT item needs a threshold from 0 to 100"));
            }
            if (item.answerType() == AnswerType.YES_NO && item.threshold() != null) {
                problems.add(new Problem(at, where + ": a threshold belongs only on PERCENT items"));
            }
            if (item.scope() == ItemScope.SYSTEM_OWNER && item.dependsOn() == null && !Boolean.TRUE.equals(item.naAllowed())) {
                problems.add(new Problem(at, where + ": a SYSTEM_OWNER item needs a gate (dependsOn) or naAllowed: true,"
                        + " so a department that owns no system can answer NA"));
            }
        }
        for (int i = 0; i < checklist.items().size(); i++) {
            ChecklistItem item = checklist.items().get(i);
            if (item == null || item.dependsOn() == null) {
                continue;
            }
            JsonPointer at = ITEMS.appendIndex(i).appendProperty("dependsOn");
            ChecklistItem gate = byId.get(item.dependsOn());
            if (gate == null) {
                problems.add(new Problem(at, item.id() + ": dependsOn " + item.dependsOn() + " is not an item of this checklist"));
            } else if (gate.answerType() != AnswerType.YES_NO) {
                problems.add(new Problem(at, item.id() + ": dependsOn " + item.dependsOn() + " must be a YES_NO item"));
            } else {
                if (!Boolean.TRUE.equals(gate.naAllowed())) {
                    problems.add(new Problem(at, item.id() + ": dependsOn " + item.dependsOn()
                            + " is a gate and must allow NA (naAllowed: true), so a department it does not concern can answer it"));
                }
                if (gate.organizationLevel() != item.organizationLevel()) {
                    problems.add(new Problem(at, item.id() + ": dependsOn " + item.dependsOn() + " has scope " + gate.scope()
                            + " but the item has scope " + item.scope() + ": an item and its gate are answered by the same submitter"));
                }
            }
        }
        for (int i = 0; i < checklist.items().size(); i++) {
            ChecklistItem item = checklist.items().get(i);
            if (item != null && item.id() != null && inCycle(item.id(), byId)) {
                problems.add(new Problem(ITEMS.appendIndex(i).appendProperty("dependsOn"), item.id() + ": dependsOn makes a cycle"));
            }
        }
        return problems;
    }

    private static boolean inCycle(String start, Map<String, ChecklistItem> byId) {
        Set<String> seen = new HashSet<>();
        String current = start;
        while (current != null && byId.containsKey(current)) {
            if (!seen.add(current)) {
                return current.equals(start) || seen.contains(start);
            }
            current = byId.get(current).dependsOn();
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
