package dev.bulwark.rules.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.rules.testing.RuleFixtures;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severity of IAM-007 by the kind of principal an execution role also trusts. */
class OpenTrustPolicyTest {

  private static final Path FIXTURES = Path.of("src/test/resources/rules/IAM-007");

  private static List<Finding> findings(String file) {
    return RuleFixtures.run(new OpenTrustPolicy(), FIXTURES.resolve(file)).findings().stream()
        .sorted(Comparator.comparingInt(f -> f.location().startLine()))
        .toList();
  }

  @Test
  void ratesEveryoneCriticalAndAnotherServiceMedium() {
    assertThat(findings("fail-cfn.yaml"))
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL, Severity.MEDIUM);
  }

  @Test
  void ratesAnotherAccountHigh() {
    assertThat(findings("fail-sam.yaml"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
