package jp.azukari;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The custody rules and the shared kernel stay plain Java: no Spring, no R2DBC, no Reactor. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.azukari");

    @Test
    void the_custody_rules_and_shared_kernel_know_nothing_of_frameworks() {
        noClasses().that().resideInAnyPackage("jp.azukari.custody.domain..", "jp.azukari.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..", "reactor..",
                        "jakarta.persistence..", "com.fasterxml.jackson..", "tools.jackson..")
                .check(classes);
    }
}
