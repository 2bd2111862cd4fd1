package org.videochat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure a reader relies on, checked over the classes of both modules: features
 * by package, each split into command, projection, query and web; {@code platform} at the bottom.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {
        "org.videochat.admin..", "org.videochat.call..", "org.videochat.cdc..", "org.videochat.directory..",
        "org.videochat.pages..", "org.videochat.presence..", "org.videochat.security..", "org.videochat.signaling.."
    };

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.videochat");
        // Both modules' classes must be there, or the rules below would pass over nothing.
        assertTrue(classes.contain("org.videochat.call.command.CallCommands"), "ejb-module classes imported");
        assertTrue(classes.contain("org.videochat.call.web.CallResource"), "web-module classes imported");
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.videochat.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformImportsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.videochat.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void theCommandSideNeitherReadsViewsNorKnowsTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("..command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..projection..", "..query..", "..web..", "..cdc..")
                .check(classes);
    }

    @Test
    void projectionsAreCalledByTheChangeListenerOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.videochat.cdc.dispatch..", "..projection..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..projection..")
                .check(classes);
    }

    @Test
    void theEjbModuleKnowsNothingOfTheWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("..command..", "..projection..", "..query..", "org.videochat.cdc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..", "jakarta.faces..")
                .check(classes);
    }

    /** web.xml guards /api/admin/*; each operators' resource carries its own check too. */
    @Test
    void everyOperatorsResourceChecksTheRoleItself() {
        classes()
                .that()
                .resideInAPackage("org.videochat.admin.web")
                .and()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should()
                .beAnnotatedWith(org.videochat.security.OperatorsOnly.class)
                .check(classes);
    }
}
