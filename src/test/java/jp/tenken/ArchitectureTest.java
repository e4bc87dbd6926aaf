package jp.tenken;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The feature boundaries of the package-by-feature layout, checked rather than trusted. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.tenken");

    @Test
    void theEngineKnowsNoFeature() {
        noClasses().that().resideInAPackage("jp.tenken.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.tenken.plan..", "jp.tenken.inspection..",
                        "jp.tenken.audit..", "jp.tenken.compliance..", "jp.tenken.checklist..", "jp.tenken.api..",
                        "jp.tenken.cli..", "jp.tenken.storage..", "jp.tenken.bench..")
                .check(CLASSES);
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
