package jp.tenken.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry is read once at start and every plan, inspection and audit looks departments up in
 * it, so a broken organization file must stop the start naming its file and line, never load a
 * registry that answers wrongly (or not at all) later.
 */
class OrganizationRegistryTest {

    private static final String HEADER = "id: city\nname: 市\ndepartments:\n";

    @TempDir
    Path seeds;

    @Test
    void theCitysRegistryLoads() {
        OrganizationRegistry registry = OrganizationRegistry.load(Path.of("seeds"));
        assertTrue(registry.organizationIds().contains("hiratsuka"), registry.organizationIds().toString());
        assertTrue(registry.directory("hiratsuka").orElseThrow().units().size() >= 40);
    }

    @Test
    void aSoundFileLoadsWithItsAliases() throws IOException {
        write("city.yaml", HEADER + "  - name: 市民課\n    aliases: [市民窓口課]\n  - name: 庁内各課\n    group: true\n");
        DepartmentDirectory city = OrganizationRegistry.load(seeds).directory("city").orElseThrow();
        assertEquals("市民課", city.resolve("市民窓口課").orElseThrow().name());
        assertEquals(List.of("市民課"), city.units().stream().map(Department::name).toList());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        write("city.yaml", "");
        assertRefused("city.yaml", 1, "empty");
    }

    @Test
    void aFileThatCannotBeReadIsRefused() throws IOException {
        // A folder named like an organization file: unreadable as a file even for root, who reads
        // any file whatever its permissions.
        Files.createDirectories(seeds.resolve("organizations/city.yaml"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> OrganizationRegistry.load(seeds));
        assertTrue(e.getMessage().contains(seeds.resolve("organizations/city.yaml") + ": cannot be read"), e.getMessage());
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        String text = HEADER + "  - name: 市民課\n  - name: 保育課: 子育て\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "保育課", 1), "");
    }

    @Test
    void aKeyGivenTwiceInOneDepartmentIsRefused() throws IOException {
        String text = HEADER + "  - name: 市民課\n    group: false\n    group: true\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "group: true", 1), "group");
    }

    @Test
    void departmentsThatAreNotAListAreRefused() throws IOException {
        String text = "id: city\nname: 市\ndepartments: 市民課\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "departments", 1), "departments");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws IOException {
        write("city.yaml", "- 市民課\n- 保育課\n");
        assertRefused("city.yaml", 1, "");
    }

    @Test
    void anOrganizationWithoutAnIdIsRefused() throws IOException {
        String text = "name: 市\ndepartments:\n  - name: 市民課\n";
        write("city.yaml", text);
        assertRefused("city.yaml", 1, "id");
    }

    @Test
    void aDepartmentWithoutANameIsRefusedAtItsLine() throws IOException {
        String text = HEADER + "  - name: 市民課\n  - bureau: 市民部\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "bureau", 1), "name");
    }

    @Test
    void aDepartmentListedTwiceIsRefusedAtItsSecondEntry() throws IOException {
        String text = HEADER + "  - name: 市民課\n  - name: 保育課\n  - name: 市民課\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "市民課", 2), "市民課");
    }

    /** Names are compared as lookups compare them: full-width and half-width, with or without spaces. */
    @Test
    void aDepartmentListedTwiceInAnotherWidthIsRefusedToo() throws IOException {
        String text = HEADER + "  - name: 標準化対象20業務所管課\n    group: true\n  - name: 標準化対象２０業務所管課\n    group: true\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "２０", 1), "標準化対象");
    }

    /** An alias that two departments give would resolve to whichever comes first: the registry must say which one it means. */
    @Test
    void anAliasOfTwoDepartmentsIsRefusedAtTheSecond() throws IOException {
        String text = HEADER + "  - name: 市民課\n    aliases: [窓口課]\n  - name: 保育課\n    aliases: [こども課, 窓口課]\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "窓口課", 2), "窓口課");
    }

    @Test
    void aFormerNameThatIsAnotherDepartmentsNameIsRefused() throws IOException {
        String text = HEADER + "  - name: 市民課\n  - name: 保育課\n    formerNames:\n      - 市民課\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "市民課", 2), "市民課");
    }

    @Test
    void aFormerNameMayGiveTheLastYearItWasInUse() throws IOException {
        write("city.yaml", HEADER + "  - name: 文化・交流課\n    formerNames:\n      - 国際課\n"
                + "      - { name: オリンピック・パラリンピック推進課, usedUntil: 2021 }\n");
        DepartmentDirectory city = OrganizationRegistry.load(seeds).directory("city").orElseThrow();
        assertEquals("文化・交流課", city.resolve("オリンピック・パラリンピック推進課").orElseThrow().name());
        assertEquals("文化・交流課", city.resolve("国際課").orElseThrow().name());
        assertEquals(2021, city.formerNameUsedUntil(jp.tenken.text.TextKeys.departmentKey("オリンピック・パラリンピック推進課")));
        assertEquals(null, city.formerNameUsedUntil(jp.tenken.text.TextKeys.departmentKey("国際課")));
        assertEquals(List.of("国際課", "オリンピック・パラリンピック推進課"), city.resolve("国際課").orElseThrow().formerNames());
    }

    @Test
    void aFormerNamesYearOutsideThePlansRangeIsRefusedAtItsLine() throws IOException {
        String text = HEADER + "  - name: 文化・交流課\n    formerNames:\n      - name: オリンピック・パラリンピック推進課\n        usedUntil: 21\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "usedUntil", 1), "usedUntil of オリンピック・パラリンピック推進課 must be a fiscal year from 1900 to 2200");
    }

    @Test
    void aFormerNamesYearThatIsNoNumberIsRefusedAtItsLine() throws IOException {
        String text = HEADER + "  - name: 文化・交流課\n    formerNames:\n      - { name: オリンピック・パラリンピック推進課, usedUntil: 令和3年度 }\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "usedUntil", 1), "usedUntil");
    }

    @Test
    void aFormerNameWithoutItsNameIsRefusedAtItsLine() throws IOException {
        String text = HEADER + "  - name: 文化・交流課\n    formerNames:\n      - { usedUntil: 2021 }\n";
        write("city.yaml", text);
        assertRefused("city.yaml", lineOf(text, "usedUntil", 1), "a former name is blank");
    }

    @Test
    void twoFilesOfOneOrganizationAreRefusedAtTheSecondId() throws IOException {
        write("a.yaml", HEADER + "  - name: 市民課\n");
        String second = "# the same city again\n" + HEADER + "  - name: 保育課\n";
        write("b.yaml", second);
        assertRefused("b.yaml", lineOf(second, "id: city", 1), "a.yaml");
    }

    @Test
    void aFolderWithoutAnyOrganizationFileIsRefused() throws IOException {
        Files.createDirectories(seeds.resolve("organizations"));
        Files.writeString(seeds.resolve("organizations/README.txt"), "organizations go here\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> OrganizationRegistry.load(seeds));
        assertTrue(e.getMessage().contains(seeds.resolve("organizations").toString()), e.getMessage());
    }

    /** The security office answers the checklist's organization-level items: it must be a department of the file. */
    @Test
    void theSecurityOfficeIsADepartmentOfTheFile() throws IOException {
        write("city.yaml", "id: city\nsecurityOffice: 情報政策課\ndepartments:\n  - name: 情報政策課\n  - name: 市民課\n");
        assertEquals("情報政策課", OrganizationRegistry.load(seeds).directory("city").orElseThrow().securityOffice());
        String unknown = "id: city\nsecurityOffice: 情報課\ndepartments:\n  - name: 情報政策課\n";
        write("city.yaml", unknown);
        assertRefused("city.yaml", 2, "securityOffice 情報課 must be the name of a department");
        write("city.yaml", "id: city\nsecurityOffice: 庁内各課\ndepartments:\n  - name: 庁内各課\n    group: true\n");
        assertRefused("city.yaml", 2, "(not a group");
        assertEquals("デジタル推進課", jp.tenken.TestEngine.registry().directory("hiratsuka").orElseThrow().securityOffice());
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(seeds.resolve("organizations"));
        Files.writeString(seeds.resolve("organizations").resolve(name), text);
    }

    /** Loading fails with a message that names the file and line, then says something about {@code detail}. */
    private void assertRefused(String file, int line, String detail) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> OrganizationRegistry.load(seeds));
        String where = seeds.resolve("organizations").resolve(file) + ":" + line + ": ";
        assertTrue(e.getMessage().contains(where), "expected " + where + " in: " + e.getMessage());
        String after = e.getMessage().substring(e.getMessage().indexOf(where) + where.length());
        assertTrue(after.lines().findFirst().orElse("").contains(detail), "expected " + detail + " in: " + e.getMessage());
    }

    /** The 1-based line of the {@code nth} occurrence of {@code needle} in {@code text}. */
    static int lineOf(String text, String needle, int nth) {
        int at = -1;
        for (int i = 0; i < nth; i++) {
            at = text.indexOf(needle, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException(needle + " occurs fewer than " + nth + " times");
            }
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
