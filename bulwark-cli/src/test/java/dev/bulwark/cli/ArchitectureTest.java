package dev.bulwark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules of ARCHITECTURE.md: which module may use which. */
class ArchitectureTest {

  private static final String[] MODULES = {
    "core", "model", "iac", "rules", "secrets", "deps", "engine", "report", "runtime", "cli"
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bulwark");
  }

  /** A rule: module {@code from} uses none of our modules but {@code allowed}. */
  private static ArchRule only(String from, String... allowed) {
    List<String> forbidden = new ArrayList<>();
    for (String m : MODULES) {
      if (!m.equals(from) && !List.of(allowed).contains(m)) {
        forbidden.add("dev.bulwark." + m + "..");
      }
    }
    return noClasses()
        .that()
        .resideInAPackage("dev.bulwark." + from + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("ARCHITECTURE.md: " + from + " may import only " + String.join(", ", allowed))
        .allowEmptyShould(true);
  }

  @Test
  void everyModuleWithCodeIsImported() {
    for (String m : new String[] {"core", "model", "iac", "rules", "secrets", "deps", "engine", "report",
        "runtime", "cli"}) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("dev.bulwark." + m)))
          .as("classes of module %s are on the test classpath", m)
          .isTrue();
    }
  }

  @Test
  void coreHasNoDependenciesButTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.bulwark.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.bulwark.core..", "java..", "org.jspecify..")
        .because("core has no third-party runtime dependencies")
        .check(classes);
  }

  @Test
  void modelUsesOnlyCore() {
    only("model", "core").check(classes);
  }

  @Test
  void adaptersUseOnlyModelAndCoreAndNeverRules() {
    only("iac", "model", "core").check(classes);
  }

  @Test
  void rulesUseOnlyModelAndCoreAndNeverAdapters() {
    only("rules", "model", "core").check(classes);
  }

  @Test
  void secretsAndDepsUseOnlyCore() {
    only("secrets", "core").check(classes);
    only("deps", "core").check(classes);
  }

  @Test
  void reportersUseOnlyCore() {
    only("report", "core").check(classes);
  }

  @Test
  void engineIsTheOnlyModuleThatKnowsBothInputsAndRules() {
    only("engine", "core", "model", "iac", "rules", "secrets", "deps").check(classes);
  }

  @Test
  void runtimeImportsNothingOfOurs() {
    only("runtime").check(classes);
  }

  @Test
  void onlyTheCliHasAMainMethod() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
        .that()
        .haveName("main")
        .and()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.bulwark.cli..")
        .should()
        .notBePublic()
        .allowEmptyShould(true)
        .because("ARCHITECTURE.md: the CLI holds the only main")
        .check(classes);
  }
}
