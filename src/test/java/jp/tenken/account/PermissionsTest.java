package jp.tenken.account;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the whole permission table of CONTRACT §7: every role and every action, in the account's
 * organization and another, in its departments and others. The expected outcomes come from the
 * table below, copied from the contract as data, never from {@link Permissions}.
 */
class PermissionsTest {

    /** CONTRACT §7, row by row (EVALUATION_READ is Tenken's addition, as PLAN_READ); columns ADMIN, PLAN_EDITOR, SECURITY_OFFICER, AUDITOR. "own": own departments. */
    private static final String CONTRACT_TABLE = """
            PLAN_CHECK_STORE   yes  yes  no   no
            PLAN_READ          yes  yes  no   yes
            INSPECTION_SUBMIT  yes  no   own  no
            INSPECTION_READ    yes  no   own  yes
            AUDIT_WRITE        yes  no   no   yes
            AUDIT_READ         yes  no   own  yes
            COMPLIANCE_READ    yes  no   own  yes
            EVALUATION_WRITE   yes  yes  no   no
            EVALUATION_READ    yes  yes  no   yes
            WAIVER_WRITE       yes  no   no   yes
            REMINDERS_READ     yes  no   own  yes
            CATALOGUE_READ     yes  yes  yes  yes
            ADMINISTER         yes  no   no   no
            ACTIVITY_READ      yes  no   no   yes
            """;
    private static final List<String> COLUMNS = List.of("ADMIN", "PLAN_EDITOR", "SECURITY_OFFICER", "AUDITOR");

    private static final String OWN_ORG = "hiratsuka";
    private static final String OTHER_ORG = "kamakura";
    private static final String OWN_DEPT = "情報政策課";
    private static final String OWN_DEPT_2 = "総務課";
    private static final String OTHER_DEPT = "財政課";

    /** action name → role name → "yes" / "own" / "no", read from the text above. */
    private static Map<String, Map<String, String>> table() {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (String line : CONTRACT_TABLE.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), cells[i + 1]);
            }
            table.put(cells[0], row);
        }
        return table;
    }

    /** The strongest cell among the roles: several roles add up. */
    private static String cell(String action, Set<Role> roles) {
        Map<String, String> row = table().get(action);
        List<String> cells = roles.stream().map(role -> row.get(role.name())).toList();
        return cells.contains("yes") ? "yes" : cells.contains("own") ? "own" : "no";
    }

    private static Account account(String organization, Role... roles) {
        return new Account("u", "U", "u@example.jp", EnumSet.copyOf(Arrays.asList(roles)), organization,
                Set.of(OWN_DEPT, OWN_DEPT_2), true);
    }

    @Test
    void theTableHereNamesEveryActionOnce() {
        Set<String> actions = table().keySet();
        assertEquals(Action.values().length, actions.size());
        for (Action action : Action.values()) {
            assertTrue(actions.contains(action.name()), action.name());
        }
    }

    @Test
    void everyRoleAndActionInOwnAndOtherOrganizationAndDepartment() {
        List<String> failures = new ArrayList<>();
        for (Role role : Role.values()) {
            walk(account(OWN_ORG, role), EnumSet.of(role), failures);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void severalRolesAddUp() {
        List<String> failures = new ArrayList<>();
        for (Set<Role> roles : List.of(EnumSet.of(Role.PLAN_EDITOR, Role.SECURITY_OFFICER),
                EnumSet.of(Role.SECURITY_OFFICER, Role.AUDITOR), EnumSet.of(Role.PLAN_EDITOR, Role.AUDITOR))) {
            walk(account(OWN_ORG, roles.toArray(Role[]::new)), roles, failures);
        }
        assertEquals(List.of(), failures);
        // Spot checks of the union, written out.
        Account editorAndOfficer = account(OWN_ORG, Role.PLAN_EDITOR, Role.SECURITY_OFFICER);
        assertTrue(Permissions.decide(editorAndOfficer, Action.PLAN_CHECK_STORE, OWN_ORG).allowed());
        assertTrue(Permissions.decide(editorAndOfficer, Action.INSPECTION_SUBMIT, OWN_ORG, OWN_DEPT).allowed());
        assertFalse(Permissions.decide(editorAndOfficer, Action.INSPECTION_SUBMIT, OWN_ORG, OTHER_DEPT).allowed());
        assertFalse(Permissions.decide(editorAndOfficer, Action.AUDIT_WRITE, OWN_ORG).allowed());
    }

    /** Every action for this account against the expectations of the table for these roles. */
    private static void walk(Account account, Set<Role> roles, List<String> failures) {
        for (Action action : Action.values()) {
            String cell = cell(action.name(), roles);
            boolean yes = cell.equals("yes");
            boolean own = yes || cell.equals("own");
            String who = roles + " " + action + " ";
            expect(failures, who + "own organization as a whole", yes, Permissions.decide(account, action, OWN_ORG));
            expect(failures, who + "own department", own, Permissions.decide(account, action, OWN_ORG, OWN_DEPT));
            expect(failures, who + "second own department", own, Permissions.decide(account, action, OWN_ORG, OWN_DEPT_2));
            expect(failures, who + "other department", yes, Permissions.decide(account, action, OWN_ORG, OTHER_DEPT));
            expect(failures, who + "other organization as a whole", false, Permissions.decide(account, action, OTHER_ORG));
            expect(failures, who + "other organization, a department named like an own one", false,
                    Permissions.decide(account, action, OTHER_ORG, OWN_DEPT));
            expect(failures, who + "other organization, other department", false,
                    Permissions.decide(account, action, OTHER_ORG, OTHER_DEPT));

            List<String> expectedLines = yes ? List.of(OWN_DEPT, OTHER_DEPT, OWN_DEPT_2)
                    : own ? List.of(OWN_DEPT, OWN_DEPT_2) : List.of();
            List<String> lines = Permissions.visibleDepartments(account, action, OWN_ORG, List.of(OWN_DEPT, OTHER_DEPT, OWN_DEPT_2));
            if (!lines.equals(expectedLines)) {
                failures.add(who + "visible lines " + lines + ", expected " + expectedLines);
            }
            List<String> otherLines = Permissions.visibleDepartments(account, action, OTHER_ORG, List.of(OWN_DEPT, OTHER_DEPT));
            if (!otherLines.isEmpty()) {
                failures.add(who + "sees lines of another organization: " + otherLines);
            }
        }
    }

    private static void expect(List<String> failures, String what, boolean allowed, Decision decision) {
        if (decision.allowed() != allowed) {
            failures.add(what + ": expected " + (allowed ? "allowed" : "refused") + ", was " + decision);
            return;
        }
        if (!allowed && (!decision.action().name().equals(decision.missingPermission()) || decision.reason() == null)) {
            failures.add(what + ": a refusal must name the missing permission and why: " + decision);
        }
        if (allowed && decision.missingPermission() != null) {
            failures.add(what + ": an allowed decision names a missing permission: " + decision);
        }
    }

    @Test
    void anAdminWithoutOrganizationReachesEveryOrganizationAndDepartment() {
        Account admin = account(null, Role.ADMIN);
        for (Action action : Action.values()) {
            for (String organization : new String[] {OWN_ORG, OTHER_ORG, null}) {
                assertTrue(Permissions.decide(admin, action, organization).allowed(), action + " " + organization);
                assertTrue(Permissions.decide(admin, action, organization, OTHER_DEPT).allowed(), action + " " + organization);
            }
        }
    }

    @Test
    void anAdminOfOneOrganizationIsRefusedAnother() {
        Decision decision = Permissions.decide(account(OWN_ORG, Role.ADMIN), Action.PLAN_READ, OTHER_ORG);
        assertFalse(decision.allowed());
        assertEquals("PLAN_READ", decision.missingPermission());
        assertTrue(decision.reason().contains(OTHER_ORG), decision.reason());
    }

    @Test
    void aRoleWithoutOrganizationOtherThanAdminReachesNoOrganization() {
        Account auditor = account(null, Role.AUDITOR);
        assertFalse(Permissions.decide(auditor, Action.AUDIT_READ, OWN_ORG).allowed());
        assertTrue(Permissions.decide(auditor, Action.CATALOGUE_READ, null).allowed());
    }

    @Test
    void thingsOfNoOrganizationFollowTheTableAlone() {
        for (Role role : Role.values()) {
            Account account = account(OWN_ORG, role);
            assertEquals(table().get("CATALOGUE_READ").get(role.name()).equals("yes"),
                    Permissions.decide(account, Action.CATALOGUE_READ, null).allowed(), role.name());
            assertEquals(table().get("ADMINISTER").get(role.name()).equals("yes"),
                    Permissions.decide(account, Action.ADMINISTER, null).allowed(), role.name());
        }
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        Account disabled = new Account("off", "Off", null, EnumSet.allOf(Role.class), null, Set.of(OWN_DEPT), false);
        for (Action action : Action.values()) {
            Decision decision = Permissions.decide(disabled, action, OWN_ORG, OWN_DEPT);
            assertFalse(decision.allowed(), action.name());
            assertTrue(decision.reason().contains("disabled"), decision.reason());
            assertTrue(Permissions.reach(disabled, action, OWN_ORG).isNothing(), action.name());
        }
    }

    @Test
    void aRefusalSaysWhatIsMissing() {
        Account officer = account(OWN_ORG, Role.SECURITY_OFFICER);
        Decision noRole = Permissions.decide(officer, Action.PLAN_CHECK_STORE, OWN_ORG);
        assertEquals("PLAN_CHECK_STORE", noRole.missingPermission());
        assertTrue(noRole.reason().contains("no role"), noRole.reason());
        Decision otherDepartment = Permissions.decide(officer, Action.INSPECTION_SUBMIT, OWN_ORG, OTHER_DEPT);
        assertEquals("INSPECTION_SUBMIT", otherDepartment.missingPermission());
        assertTrue(otherDepartment.reason().contains(OTHER_DEPT), otherDepartment.reason());
        assertNull(Permissions.decide(officer, Action.INSPECTION_SUBMIT, OWN_ORG, OWN_DEPT).missingPermission());
    }

    @Test
    void theReachOfAnOfficerIsItsDepartments() {
        Reach reach = Permissions.reach(account(OWN_ORG, Role.SECURITY_OFFICER), Action.COMPLIANCE_READ, OWN_ORG);
        assertFalse(reach.wholeOrganization());
        assertEquals(Set.of(OWN_DEPT, OWN_DEPT_2), reach.departments());
        assertNotNull(reach);
        assertTrue(Permissions.reach(account(OWN_ORG, Role.AUDITOR), Action.COMPLIANCE_READ, OWN_ORG).wholeOrganization());
    }

    @Test
    void allOrganizationsAreReachedOnlyByAnAccountOfAllOrganizations() {
        Account adminOfAll = account(null, Role.ADMIN);
        Account adminOfOne = account(OWN_ORG, Role.ADMIN);
        Account auditor = account(OWN_ORG, Role.AUDITOR);
        assertTrue(Permissions.decideOrganizationOrAll(adminOfAll, Action.ADMINISTER, null).allowed());
        assertTrue(Permissions.decideOrganizationOrAll(adminOfAll, Action.ACTIVITY_READ, null).allowed());
        Decision one = Permissions.decideOrganizationOrAll(adminOfOne, Action.ADMINISTER, null);
        assertFalse(one.allowed(), "an ADMIN of one city may not make or see an ADMIN of all");
        assertEquals("ADMINISTER", one.missingPermission());
        assertTrue(one.reason().contains("all organizations"), one.reason());
        assertFalse(Permissions.decideOrganizationOrAll(auditor, Action.ACTIVITY_READ, null).allowed());
        assertEquals("no role of u grants ADMINISTER",
                Permissions.decideOrganizationOrAll(auditor, Action.ADMINISTER, null).reason());
        // With an organization it is decide() itself.
        for (Account account : List.of(adminOfAll, adminOfOne, auditor)) {
            for (String organization : new String[] {OWN_ORG, OTHER_ORG}) {
                for (Action action : Action.values()) {
                    assertEquals(Permissions.decide(account, action, organization).allowed(),
                            Permissions.decideOrganizationOrAll(account, action, organization).allowed());
                }
            }
        }
        Account disabledAdmin = new Account("off", "Off", null, EnumSet.of(Role.ADMIN), null, Set.of(), false);
        assertFalse(Permissions.decideOrganizationOrAll(disabledAdmin, Action.ADMINISTER, null).allowed());
    }
}
