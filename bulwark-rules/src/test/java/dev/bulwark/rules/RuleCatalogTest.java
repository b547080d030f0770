package dev.bulwark.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.RuleMetadata;
import dev.bulwark.rules.testing.RuleFixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog of built-in rules is complete and well formed. */
class RuleCatalogTest {

  private static final Set<String> SERVICES = Set.of(
      "LAMBDA", "APIGW", "IAM", "SQS", "SNS", "EVENTS", "SFN", "S3", "KMS", "DYNAMODB", "LOGS",
      "COMBO", "META");

  @Test
  void everyRuleClassIsRegisteredExactlyOnce() throws IOException, URISyntaxException {
    Path classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(classes)) {
      s.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
          .forEach(p -> {
            String name = classes.relativize(p).toString().replace('/', '.').replace(".class", "");
            try {
              Class<?> c = Class.forName(name);
              if (c.isAnnotationPresent(RuleInfo.class)) {
                found.add(c.getName());
              }
            } catch (ClassNotFoundException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    List<String> registered = BuiltinRules.all().stream().map(r -> r.getClass().getName()).toList();
    assertThat(registered).doesNotHaveDuplicates();
    assertThat(registered).containsExactlyInAnyOrderElementsOf(found);
  }

  @Test
  void idsAreUniqueWellFormedAndMatchTheirPackage() {
    Set<String> ids = new HashSet<>();
    for (Rule r : BuiltinRules.all()) {
      RuleMetadata m = RuleCatalog.metadata(r);
      assertThat(m.id()).matches("[A-Z0-9]+-[0-9]{3}");
      String service = m.id().substring(0, m.id().indexOf('-'));
      assertThat(SERVICES).as("service of %s", m.id()).contains(service);
      assertThat(ids.add(m.id())).as("duplicate id %s", m.id()).isTrue();
      for (String alias : m.aliases()) {
        assertThat(ids.add(alias)).as("alias %s reused", alias).isTrue();
      }
      String pkg = r.getClass().getPackageName();
      assertThat(pkg).as("package of %s", m.id())
          .isEqualTo("dev.bulwark.rules." + service.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void titlesAndRemediationsAreWellFormed() {
    for (Rule r : BuiltinRules.all()) {
      RuleMetadata m = RuleCatalog.metadata(r);
      assertThat(m.title()).as("title of %s", m.id()).hasSizeLessThanOrEqualTo(80)
          .doesNotEndWith(".").doesNotStartWith("Ensure");
      assertThat(Character.isUpperCase(m.title().charAt(0))).as("title of %s", m.id()).isTrue();
      assertThat(m.remediation()).as("remediation of %s", m.id()).endsWith(".")
          .doesNotContain("\n");
      assertThat(r.getClass().getSimpleName()).as("class of %s", m.id())
          .doesNotEndWith("Rule").doesNotEndWith("Check").doesNotStartWith("Ensure");
      assertThat(java.lang.reflect.Modifier.isFinal(r.getClass().getModifiers()))
          .as("%s is final", r.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  void everyRuleHasADocAndFailAndPassFixtures() {
    for (Rule r : BuiltinRules.all()) {
      RuleMetadata m = RuleCatalog.metadata(r);
      assertThat(m.help()).as("rules/%s.md", m.id()).isNotBlank();
      Path folder = RuleFixturesTest.ROOT.resolve(m.id());
      assertThat(folder).as("fixture folder of %s", m.id()).isDirectory();
      List<Path> files = RuleFixtures.files(folder);
      assertThat(files).as("fail fixture of %s", m.id())
          .anyMatch(p -> p.getFileName().toString().startsWith("fail"));
      assertThat(files).as("pass fixture of %s", m.id())
          .anyMatch(p -> p.getFileName().toString().startsWith("pass"));
    }
  }
}
