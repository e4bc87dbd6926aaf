package jp.tenken.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rules folder becomes a whole rule base or a failure naming file and line; never half a rule base. */
class RuleBaseLoaderTest {

    static final String RULE = """
            package tenken.demo

            import jp.tenken.engine.Target;

            global jp.tenken.engine.FindingCollector findings;

            rule "DEMO-%1$s"
                @id("DEMO-%1$s")
                @severity("WARNING")
                @title("demo")
            when
                $s : String( length > 3 )
            then
                findings.report(drools, Target.field($s), "text", $s);
            end
            """;

    @TempDir
    Path dir;

    @Test
    void compilesAFolderAndReportsFindingsWithTheRulesMetadata() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG"));
        messages("DEMO-LONG=長い: ${text}", "DEMO-LONG=long: ${text}");
        RuleBase ruleBase = RuleBaseLoader.load(dir);
        List<Finding> findings = ruleBase.evaluate("demo", List.of("abc", "abcdef"), Map.of());
        assertEquals(1, findings.size());
        assertEquals("DEMO-LONG", findings.get(0).ruleId());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("長い: abcdef", ruleBase.messages().render(findings.get(0), Language.JA));
        assertEquals("long: abcdef", ruleBase.messages().render(findings.get(0), Language.EN));
        assertEquals(dir.getFileName() + "/demo/DEMO-LONG.drl", ruleBase.rules().get(0).source());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG"));
        write("demo/DEMO-BROKEN.drl", RULE.formatted("BROKEN").replace("length > 3", "length >"));
        messages("DEMO-LONG=a\nDEMO-BROKEN=b", "DEMO-LONG=a\nDEMO-BROKEN=b");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains("\n  " + dir.resolve("demo/DEMO-BROKEN.drl") + ":12: "), e.getMessage());
    }

    /** Drools follows a syntax error with "Parser returned a null Package" for the same file: one fault, one line. */
    @Test
    void aSyntaxErrorIsReportedOnceInOneLine() throws IOException {
        write("demo/DEMO-BROKEN.drl", RULE.formatted("BROKEN").replace("length > 3", "length >"));
        messages("DEMO-BROKEN=b", "DEMO-BROKEN=b");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(dir.resolve("demo/DEMO-BROKEN.drl") + ":12: "), e.getMessage());
        assertEquals(1, e.problems().get(0).lines().count(), e.getMessage());
    }

    @Test
    void aFileNamedOtherwiseThanItsRuleIsRefused() throws IOException {
        write("demo/DEMO-OTHER.drl", RULE.formatted("LONG"));
        messages("DEMO-LONG=a", "DEMO-LONG=a");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains("DEMO-OTHER.drl") && e.getMessage().contains("must be named DEMO-OTHER"), e.getMessage());
    }

    @Test
    void aRuleWithoutAMessageInEveryLanguageIsRefused() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG"));
        messages("DEMO-LONG=a", "OTHER=b");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains("no message for DEMO-LONG in messages_en.properties"), e.getMessage());
    }

    @Test
    void anUnknownSeverityIsRefused() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG").replace("WARNING", "SEVERE"));
        messages("DEMO-LONG=a", "DEMO-LONG=a");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains("@severity(SEVERE)"), e.getMessage());
    }

    @Test
    void aPackageThatDoesNotMatchTheFolderIsRefused() throws IOException {
        write("other/DEMO-LONG.drl", RULE.formatted("LONG"));
        messages("DEMO-LONG=a", "DEMO-LONG=a");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains("package must be tenken.other"), e.getMessage());
    }

    @Test
    void aRuleFileNamedLikeOneInAnotherSubfolderIsRefusedNamingBoth() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG"));
        write("demo/old/DEMO-LONG.drl", RULE.formatted("LONG"));
        messages("DEMO-LONG=a", "DEMO-LONG=a");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("demo/old/DEMO-LONG.drl").toString())
                && e.getMessage().contains("already used by " + dir.resolve("demo/DEMO-LONG.drl")), e.getMessage());
    }

    @Test
    void anIdUsedInTwoFamiliesIsRefusedNamingBoth() throws IOException {
        write("demo/DEMO-LONG.drl", RULE.formatted("LONG"));
        write("other/DEMO-LONG.drl", RULE.formatted("LONG").replace("package tenken.demo", "package tenken.other"));
        messages("DEMO-LONG=a", "DEMO-LONG=a");
        RuleBaseException e = assertThrows(RuleBaseException.class, () -> RuleBaseLoader.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("other/DEMO-LONG.drl") + ": id DEMO-LONG is already used by "
                + dir.resolve("demo/DEMO-LONG.drl")), e.getMessage());
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void messages(String ja, String en) throws IOException {
        Files.writeString(dir.resolve("messages_ja.properties"), ja);
        Files.writeString(dir.resolve("messages_en.properties"), en);
    }
}
