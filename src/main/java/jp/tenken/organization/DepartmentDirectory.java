package jp.tenken.organization;

import jp.tenken.document.DocumentRejectedException;
import jp.tenken.document.Problem;
import jp.tenken.text.BoundedMemo;
import jp.tenken.text.TextKeys;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks departments of one organization up by name, alias or former name, compared after NFKC
 * normalisation without spaces, and suggests the closest known name for one it does not know.
 */
public final class DepartmentDirectory {

    private final Organization organization;
    private final Map<String, Department> byKey = new LinkedHashMap<>();
    /** The last fiscal year a former name was in use, by its key, where the registry gives it. */
    private final Map<String, Integer> usedUntil = new HashMap<>();
    /** Editors re-upload the same plan with the same unknown names: the suggestions are remembered. */
    private final BoundedMemo suggestions = new BoundedMemo(1_000, this::computeClosest);

    public DepartmentDirectory(Organization organization) {
        this.organization = organization;
        for (Department department : organization.departments()) {
            byKey.putIfAbsent(TextKeys.departmentKey(department.name()), department);
        }
        for (Department department : organization.departments()) {
            department.aliases().forEach(a -> byKey.putIfAbsent(TextKeys.departmentKey(a), department));
            for (FormerName former : department.formerEntries()) {
                String key = TextKeys.departmentKey(former.name());
                byKey.putIfAbsent(key, department);
                if (former.usedUntil() != null) {
                    usedUntil.putIfAbsent(key, former.usedUntil());
                }
            }
        }
    }

    public Organization organization() {
        return organization;
    }

    /** The department a name (or alias, or former name) stands for. */
    public Optional<Department> resolve(String name) {
        return Optional.ofNullable(byKey.get(TextKeys.departmentKey(name)));
    }

    /**
     * The last fiscal year the former name with this comparison key was in use; null for a name that
     * is no former name, or one whose validity the registry does not give.
     */
    public Integer formerNameUsedUntil(String key) {
        return usedUntil.get(key);
    }

    /** Whether a comparison key (see {@link TextKeys#departmentKey}) is a name, alias or former name here. */
    public boolean knowsKey(String key) {
        return byKey.containsKey(key);
    }

    /** The known name closest to {@code name} by edit distance; ties go to the earlier registry entry. */
    public String closest(String name) {
        return name == null ? "" : suggestions.apply(name);
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
    /**
     * The registry name of the information-security office, whose self-inspection answers the
     * checklist's organization-level items; null where the organization names none.
     */
    public String securityOffice() {
        return organization.securityOffice() == null ? null
                : resolve(organization.securityOffice()).map(Department::name).orElse(null);
    }

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
