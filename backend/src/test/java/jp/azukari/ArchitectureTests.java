package jp.azukari;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: rules are plain Java, the application knows nothing of the web, features
 * do not depend on each other in circles. Each rule is also shown failing on classes that break it
 * ({@code jp.azukari.archfixture}).
 */
class ArchitectureTests {

    static final String[] FRAMEWORKS = {
        "org.springframework..",
        "io.r2dbc..",
        "reactor..",
        "jakarta.persistence..",
        "com.fasterxml.jackson..",
        "tools.jackson.."
    };
    static final String[] WEB = {
        "org.springframework.web..", "org.springframework.http..", "jp.azukari..web.."
    };

    /**
     * Every feature's rules ({@code ..domain..} and {@code *Rules}) and the shared kernel: plain
     * Java.
     */
    static ArchRule rulesArePlainJava(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + "..domain..", "jp.azukari.common..")
                .or()
                .haveSimpleNameEndingWith("Rules")
                .and()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .as("rules (..domain.., *Rules) and the shared kernel depend on no framework");
    }

    /**
     * Application code — services, use cases, their persistence — does not depend on web types. The
     * web edge is the controllers, the {@code ..web..} packages, filters and configurations
     * (security, wiring).
     */
    /**
     * The web edge: controllers, filters, the {@code ..web..} packages, and the console's pages and
     * their plumbing. A page composes several features (a contract's page shows its assets,
     * transfers and incidents), as a controller may; the features beneath them do not.
     */
    static final DescribedPredicate<JavaClass> WEB_EDGE =
            resideInAnyPackage("..web..", "..console..")
                    .or(simpleNameStartingWith("Console"))
                    .or(simpleNameEndingWith("Page"))
                    .or(simpleNameEndingWith("Pages"))
                    .or(simpleNameEndingWith("Controller"))
                    .or(simpleNameEndingWith("Filter"))
                    .as("the web edge");

    static ArchRule applicationKnowsNoWeb(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and(not(WEB_EDGE))
                .and(not(simpleNameEndingWith("Configuration")))
                .and(not(JavaClass.Predicates.belongToAnyOf(AzukariApplication.class)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB)
                .as("application code does not depend on web types");
    }

    /**
     * Features (top-level packages; platform's parts each on their own) are free of cycles. The web
     * edge and the wiring ({@code *Configuration}) compose features and are left out.
     */
    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().assignedFrom(features(root))
                .should()
                .beFreeOfCycles()
                .as("features depend on each other without cycles");
    }

    private static SliceAssignment features(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (!pkg.startsWith(root + ".")
                        || WEB_EDGE.test(c)
                        || c.getSimpleName().endsWith("Configuration")) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = pkg.substring(root.length() + 1).split("\\.");
                // platform is a toolbox, not a feature: its parts (demo data, first start, web
                // edge) are slices of their own
                return parts[0].equals("platform") && parts.length > 1
                        ? SliceIdentifier.of("platform." + parts[1])
                        : SliceIdentifier.of(parts[0]);
            }

            @Override
            public String getDescription() {
                return "features under " + root;
            }
        };
    }

    private final JavaClasses product =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("jp.azukari");

    @Test
    void rules_and_the_shared_kernel_know_nothing_of_frameworks() {
        rulesArePlainJava("jp.azukari").check(product);
    }

    @Test
    void application_code_knows_nothing_of_the_web() {
        applicationKnowsNoWeb("jp.azukari").check(product);
    }

    @Test
    void features_depend_on_each_other_without_cycles() {
        featuresAreFreeOfCycles("jp.azukari").check(product);
    }

    /** The same rules on classes written to break them: each rule must report them. */
    @Nested
    class EachRuleFailsWhenBroken {

        static final String FIXTURE = "jp.azukari.archfixture";

        private final JavaClasses broken = new ClassFileImporter().importPackages(FIXTURE);

        @Test
        void a_rule_returning_a_reactor_type_or_a_spring_bean_rules_class_is_reported() {
            var result = rulesArePlainJava(FIXTURE).evaluate(broken);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(
                            d ->
                                    d.contains("ReactiveRule")
                                            && d.contains("reactor.core.publisher.Mono"))
                    .anyMatch(
                            d ->
                                    d.contains("LendingRules")
                                            && d.contains(
                                                    "org.springframework.stereotype.Component"));
        }

        @Test
        void a_service_answering_in_http_terms_is_reported() {
            var result = applicationKnowsNoWeb(FIXTURE).evaluate(broken);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().getDetails())
                    .anyMatch(
                            d ->
                                    d.contains("LendingService")
                                            && d.contains("org.springframework.http.HttpStatus"));
        }

        @Test
        void two_packages_using_each_other_are_reported_as_a_cycle() {
            var result = featuresAreFreeOfCycles(FIXTURE).evaluate(broken);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains("Cycle detected")
                    .contains("Lender")
                    .contains("Borrower");
        }
    }
}
