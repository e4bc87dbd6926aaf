package jp.tenken.organization;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.text.TextKeys;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Looks departments of one organization up by name, alias or former name, compared after NFKC
 * normalisation without spaces, and suggests the closest known name for one it does not know.
 */
public final class DepartmentDirectory {

    private final Organization organization;
    private final Map<String, Department> byKey = new LinkedHashMap<>();
    private static final int CLOSEST_CACHE_LIMIT = 1_000;
    private final Map<String, String> closestByName = new ConcurrentHashMap<>();

    public DepartmentDirectory(Organization organization) {
        this.organization = organization;
        for (Department department : organization.departments()) {
            byKey.putIfAbsent(TextKeys.departmentKey(department.name()), department);
        }
        for (Department department : organization.departments()) {
            department.aliases().forEach(a -> byKey.putIfAbsent(TextKeys.departmentKey(a), department));
            department.formerNames().forEach(a -> byKey.putIfAbsent(TextKeys.departmentKey(a), department));
        }
    }

    public Organization organization() {
        return organization;
    }

    /** The department a name (or alias, or former name) stands for. */
    public Optional<Department> resolve(String name) {
        return Optional.ofNullable(byKey.get(TextKeys.departmentKey(name)));
    }

    /** Whether a comparison key (see {@link TextKeys#departmentKey}) is a name, alias or former name here. */
    public boolean knowsKey(String key) {
        return byKey.containsKey(key);
    }

    /** The known name closest to {@code name} by edit distance; ties go to the earlier registry entry. */
    public String closest(String name) {
        if (name == null) {
            return "";
        }
        String known = closestByName.get(name);
        if (known != null) {
            return known;
        }
        String closest = computeClosest(name);
        // Editors re-upload the same plan with the same unknown names; bounded against hostile input.
        if (closestByName.size() < CLOSEST_CACHE_LIMIT && name.length() <= 100) {
            closestByName.put(name, closest);
        }
        return closest;
    }

    private String computeClosest(String name) {
        String key = TextKeys.departmentKey(name);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return byKey.entrySet().stream()
                .min(Comparator.comparingInt(e -> distance.apply(key, e.getKey())))
                .map(e -> e.getValue().name())
                .orElse("");
    }

    /**
     * The unit (not a group) a document names at {@code path}; an unknown name or a group is refused
     * with 422, naming the field and suggesting the closest known name.
     */
    public Department requireUnit(String name, String path) {
        Department unit = resolve(name).orElseThrow(() -> DocumentRejectedException.unprocessable(
                Problem.of(path, "department.unknown", "department", name, "suggestion", closest(name))));
        if (unit.group()) {
            throw DocumentRejectedException.unprocessable(Problem.of(path, "department.group", "department", name));
        }
        return unit;
    }

    /** The departments that are inspected and audited: every entry that is not a group. */
    public List<Department> units() {
        return organization.departments().stream().filter(d -> !d.group()).toList();
    }
}
