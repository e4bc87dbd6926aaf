package jp.tenken.checklist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

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
 * a threshold in 0–100 on every PERCENT item. One broken checklist stops the start, naming file and item.
 */
public final class ChecklistLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ChecklistLoader() {
    }

    /** Every checklist of the folder by id. */
    public static Map<String, Checklist> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ChecklistException(folder + ": checklists folder not found (set tenken.checklists-dir)");
        }
        Map<String, Checklist> checklists = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                Checklist checklist = read(file);
                List<String> problems = problems(checklist);
                if (!problems.isEmpty()) {
                    throw new ChecklistException(file + ": checklist is not valid:\n  " + String.join("\n  ", problems));
                }
                if (checklists.putIfAbsent(checklist.id(), checklist) != null) {
                    throw new ChecklistException(file + ": checklist id " + checklist.id() + " is used by another file");
                }
            }
        } catch (IOException e) {
            throw new ChecklistException(folder + ": cannot be read: " + e.getMessage());
        }
        return checklists;
    }

    private static Checklist read(Path file) {
        try {
            return YAML.readValue(file.toFile(), Checklist.class);
        } catch (IOException e) {
            throw new ChecklistException(file + ": cannot be read as a checklist: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** What is wrong with a checklist, each naming the item; empty when it is sound. */
    public static List<String> problems(Checklist checklist) {
        List<String> problems = new ArrayList<>();
        if (blank(checklist.id()) || blank(checklist.version()) || blank(checklist.title())) {
            problems.add("id, version and title are required");
        }
        if (checklist.items().isEmpty()) {
            problems.add("items: at least one item is required");
        }
        Map<String, ChecklistItem> byId = new HashMap<>();
        for (int i = 0; i < checklist.items().size(); i++) {
            ChecklistItem item = checklist.items().get(i);
            String where = "items[" + i + "]" + (item == null || blank(item.id()) ? "" : " (" + item.id() + ")");
            if (item == null || blank(item.id())) {
                problems.add(where + ": id is required");
                continue;
            }
            if (byId.putIfAbsent(item.id(), item) != null) {
                problems.add(where + ": id " + item.id() + " is used twice");
            }
            if (blank(item.chapter()) || blank(item.question()) || item.severity() == null || item.answerType() == null
                    || item.evidenceRequired() == null || item.naAllowed() == null) {
                problems.add(where + ": chapter, question, severity, answerType, evidenceRequired and naAllowed are required");
            }
            if (item.answerType() == AnswerType.PERCENT && (item.threshold() == null || item.threshold() < 0 || item.threshold() > 100)) {
                problems.add(where + ": a PERCENT item needs a threshold from 0 to 100");
            }
            if (item.answerType() == AnswerType.YES_NO && item.threshold() != null) {
                problems.add(where + ": a threshold belongs only on PERCENT items");
            }
        }
        for (ChecklistItem item : checklist.items()) {
            if (item == null || item.dependsOn() == null) {
                continue;
            }
            ChecklistItem gate = byId.get(item.dependsOn());
            if (gate == null) {
                problems.add(item.id() + ": dependsOn " + item.dependsOn() + " is not an item of this checklist");
            } else if (gate.answerType() != AnswerType.YES_NO) {
                problems.add(item.id() + ": dependsOn " + item.dependsOn() + " must be a YES_NO item");
            }
        }
        for (ChecklistItem item : checklist.items()) {
            if (item != null && item.id() != null && inCycle(item.id(), byId)) {
                problems.add(item.id() + ": dependsOn makes a cycle");
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
