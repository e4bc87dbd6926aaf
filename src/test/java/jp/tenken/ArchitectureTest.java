package jp.tenken;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The feature boundaries of the package-by-feature layout, checked rather than trusted. */
class ArchitectureTest {

    /** How a rule could name a waiver: the Java word (any case, so Waiver and WAIVED too) and the Japanese one. */
    private static final List<String> WAIVER_WORDS = List.of("waiv", "適用除外");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.tenken");

    @Test
    void theEngineKnowsNoFeature() {
        noClasses().that().resideInAPackage("jp.tenken.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.tenken.plan..", "jp.tenken.inspection..",
                        "jp.tenken.audit..", "jp.tenken.compliance..", "jp.tenken.checklist..", "jp.tenken.api..",
                        "jp.tenken.cli..", "jp.tenken.storage..", "jp.tenken.bench..", "jp.tenken.waiver..")
                .check(CLASSES);
    }

    /**
     * Waivers are applied by one mechanism after the rules run (CONTRACT §12): a rule that names them
     * would be a rule-by-rule special case, which the engine boundary above cannot see.
     */
    @Test
    void noRuleSpecialCasesWaivers() throws IOException {
        List<Path> drl;
        try (Stream<Path> files = Files.walk(TestEngine.RULES)) {
            drl = files.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
        }
        assertFalse(drl.isEmpty(), "no .drl file under " + TestEngine.RULES.toAbsolutePath());
        for (Path file : drl) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String word : WAIVER_WORDS) {
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                        file + " mentions " + word + ": no rule may special-case waivers");
            }
        }
    }

    @Test
    void onlyTheApplicationStartsTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("jp.tenken.cli..", "jp.tenken.bench..")
                .and().doNotHaveFullyQualifiedName(Application.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("jp.tenken.cli..", "jp.tenken.bench..")
                .check(CLASSES);
    }

    @Test
    void documentsAndOrganizationsKnowNoFeatureThatUsesThem() {
        noClasses().that().resideInAnyPackage("jp.tenken.document..", "jp.tenken.organization..", "jp.tenken.text..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.tenken.plan..", "jp.tenken.inspection..",
                        "jp.tenken.audit..", "jp.tenken.compliance..", "jp.tenken.checklist..", "jp.tenken.cli..")
                .check(CLASSES);
    }

    @Test
    void planCheckingDoesNotReachIntoInspectionsOrAudits() {
        noClasses().that().resideInAPackage("jp.tenken.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.tenken.inspection..", "jp.tenken.audit..",
                        "jp.tenken.compliance..")
                .check(CLASSES);
    }
}
