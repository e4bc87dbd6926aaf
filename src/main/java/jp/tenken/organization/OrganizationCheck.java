package jp.tenken.organization;

import com.fasterxml.jackson.core.JsonPointer;
import jp.tenken.source.YamlFile;
import jp.tenken.text.TextKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with an organization file as read, each problem at its line: an id, a name for
 * every department, and every name, alias and former name standing for one department only. The
 * directory looks departments up by all three (compared as {@link TextKeys#departmentKey} compares
 * them), so a name given twice would quietly resolve to whichever entry came first. A former name's
 * {@code usedUntil}, when given, is a fiscal year in the range a plan may name.
 */
final class OrganizationCheck {

    private static final JsonPointer DEPARTMENTS = JsonPointer.empty().appendProperty("departments");

    /** A name, alias or former name as it was first given. */
    private record Given(int department, String kind, JsonPointer node) {
    }

    private OrganizationCheck() {
    }

    static List<String> problems(YamlFile<Organization> read) {
        Organization organization = read.value();
        List<String> problems = new ArrayList<>();
        if (blank(organization.id())) {
            problems.add(read.problem(JsonPointer.empty().appendProperty("id"), "id is required"));
        }
        Map<String, Given> byKey = new HashMap<>();
        for (int i = 0; i < organization.departments().size(); i++) {
            Department department = organization.departments().get(i);
            JsonPointer at = DEPARTMENTS.appendIndex(i);
            if (blank(department.name())) {
                problems.add(read.problem(at, "departments[" + i + "]: name is required"));
                continue;
            }
            check(read, byKey, new Given(i, "the name", at.appendProperty("name")), department.name(), problems);
            for (int j = 0; j < department.aliases().size(); j++) {
                check(read, byKey, new Given(i, "an alias", at.appendProperty("aliases").appendIndex(j)), department.aliases().get(j), problems);
            }
            for (int j = 0; j < department.formerEntries().size(); j++) {
                FormerName former = department.formerEntries().get(j);
                JsonPointer formerAt = at.appendProperty("formerNames").appendIndex(j);
                check(read, byKey, new Given(i, "a former name", formerAt), former.name(), problems);
                Integer until = former.usedUntil();
                if (until != null && (until < FormerName.FIRST_YEAR || until > FormerName.LAST_YEAR)) {
                    problems.add(read.problem(formerAt.appendProperty("usedUntil"), "departments[" + i + "]: usedUntil of "
                            + former.name() + " must be a fiscal year from " + FormerName.FIRST_YEAR + " to " + FormerName.LAST_YEAR));
                }
            }
        }
        if (organization.securityOffice() != null) {
            Given office = byKey.get(TextKeys.departmentKey(organization.securityOffice()));
            if (office == null || !"the name".equals(office.kind()) || organization.departments().get(office.department()).group()) {
                problems.add(read.problem(JsonPointer.empty().appendProperty("securityOffice"), "securityOffice "
                        + organization.securityOffice() + " must be the name of a department of this file (not a group, alias or former name)"));
            }
        }
        return problems;
    }

    /** Records {@code name} as given by {@code given}, or adds a problem if another department gave it first. */
    private static void check(YamlFile<Organization> read, Map<String, Given> byKey, Given given, String name, List<String> problems) {
        if (blank(name)) {
            problems.add(read.problem(given.node(), "departments[" + given.department() + "]: " + given.kind() + " is blank"));
            return;
        }
        Given first = byKey.putIfAbsent(TextKeys.departmentKey(name), given);
        if (first == null || first.department() == given.department()) {
            return;
        }
        String firstName = read.value().departments().get(first.department()).name();
        int firstLine = read.lines().lineOf(first.node());
        problems.add(read.problem(given.node(), first.kind().equals("the name") && given.kind().equals("the name")
                ? name + " is listed twice (first at line " + firstLine + ")"
                : name + " is already " + first.kind() + " of " + firstName + " (line " + firstLine
                        + "); a name, alias or former name stands for one department"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
