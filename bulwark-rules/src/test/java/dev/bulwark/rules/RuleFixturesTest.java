package dev.bulwark.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.rules.testing.RuleFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every built-in rule against its fixtures: fail files find exactly what they expect. */
class RuleFixturesTest {

  static final Path ROOT = Path.of("src/test/resources/rules");

  @TestFactory
  Stream<DynamicTest> everyFixtureProducesExactlyTheExpectedFindings() {
    Map<String, Rule> byId =
        BuiltinRules.all().stream()
            .collect(Collectors.toMap(r -> RuleCatalog.metadata(r).id(), Function.identity()));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path folder : RuleFixtures.folders(ROOT)) {
      String id = folder.getFileName().toString();
      Rule rule = byId.get(id);
      for (Path file : RuleFixtures.files(folder)) {
        tests.add(DynamicTest.dynamicTest(id + "/" + file.getFileName(), () -> {
          assertThat(rule).as("fixture folder %s has no registered rule", id).isNotNull();
          RuleFixtures.Outcome outcome = RuleFixtures.run(rule, file);
          assertThat(outcome.problems()).as(file.toString()).isEmpty();
          if (file.getFileName().toString().startsWith("fail")) {
            assertThat(outcome.expected()).as("%s declares no expectation", file).isNotEmpty();
          } else {
            assertThat(outcome.expected()).as("%s is a pass file with expectations", file)
                .isEmpty();
          }
        }));
      }
    }
    return tests.stream();
  }
}
