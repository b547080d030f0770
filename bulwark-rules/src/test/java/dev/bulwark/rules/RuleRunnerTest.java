package dev.bulwark.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.testing.RuleFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running every rule over a model, small or large. */
class RuleRunnerTest {

  @TempDir Path dir;

  /** A template with {@code n} public functions sharing a queue, each with its own role. */
  private CloudModel template(int n) throws IOException {
    StringBuilder t = new StringBuilder("""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Queue:
            Type: AWS::SQS::Queue
        """);
    for (int i = 0; i < n; i++) {
      t.append("  Fn").append(i).append(":\n")
          .append("    Type: AWS::Serverless::Function\n")
          .append("    Properties:\n")
          .append("      Runtime: python3.12\n")
          .append("      Handler: app.h\n")
          .append("      CodeUri: src/\n")
          .append("      FunctionUrlConfig: {AuthType: NONE}\n")
          .append("      Policies:\n")
          .append("        - SQSSendMessagePolicy: {QueueName: '*'}\n");
    }
    Path file = dir.resolve("template-" + n + ".yaml");
    Files.writeString(file, t);
    List<ScanError> errors = new ArrayList<>();
    return RuleFixtures.load(file, errors).orElseThrow();
  }

  @RuleInfo(id = "TEST-999", title = "Always fails", severity = Severity.LOW,
      remediation = "None.")
  static final class Exploding implements Rule {
    @Override
    public void check(CloudModel model, Findings findings) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aLargeModelGetsTheSameFindingsInTheSameOrderAsOneRuleAfterTheOther() throws IOException {
    CloudModel large = template(RuleRunner.PARALLEL_RESOURCES);
    assertThat(large.resources().size()).isGreaterThanOrEqualTo(RuleRunner.PARALLEL_RESOURCES);
    RuleRunner runner = new RuleRunner(BuiltinRules.all(), RuleSettings.defaults());
    List<Finding> together = runner.run(large).findings();
    List<Finding> oneByOne = new ArrayList<>();
    for (Rule r : BuiltinRules.all()) {
      oneByOne.addAll(new RuleRunner(List.of(r), RuleSettings.defaults()).run(large).findings());
    }
    assertThat(together).isNotEmpty().containsExactlyElementsOf(oneByOne);
    assertThat(together).anyMatch(f -> f.ruleId().equals("COMBO-001"));
  }

  @Test
  void aRuleThatThrowsBecomesAnInternalErrorAndTheOthersStillReport() throws IOException {
    for (int n : new int[] {2, RuleRunner.PARALLEL_RESOURCES}) {
      List<Rule> rules = new ArrayList<>(BuiltinRules.all());
      rules.add(0, new Exploding());
      rules.add(new Exploding());
      RuleRunner runner = new RuleRunner(rules, RuleSettings.defaults());
      RuleRunner.Result r = runner.run(template(n));
      assertThat(r.errors()).hasSize(2).allSatisfy(e -> {
        assertThat(e.kind()).isEqualTo(ScanError.Kind.INTERNAL);
        assertThat(e.message()).contains("failed").contains("boom");
      });
      assertThat(r.findings()).anyMatch(f -> f.ruleId().equals("LAMBDA-006"));
    }
  }
}
