package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.LogGroup;
import dev.bulwark.model.Resource;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "LAMBDA-019",
    title = "Function has no log group in the template",
    severity = Severity.LOW,
    remediation =
        "Declare the function's log group as an AWS::Logs::LogGroup with RetentionInDays.",
    tags = {"logging", "cost", "data-retention"})
public final class LogsKeptForever implements Rule {

  /** CDK's logRetention sets retention with this custom resource, opaque to the model. */
  private static final String CDK_LOG_RETENTION = "Custom::LogRetention";

  @Override
  public void check(CloudModel model, Findings findings) {
    boolean retentionSetElsewhere =
        model.resources().stream().map(Resource::type).anyMatch(CDK_LOG_RETENTION::equals);
    if (retentionSetElsewhere) {
      return;
    }
    for (Function fn : model.functions()) {
      // a log group of the template without retention is LOGS-001's finding, not this one's;
      // a log group named by LoggingConfig but kept outside the template is managed there
      if (groupsOf(model, fn).isEmpty() && fn.logGroup().isAbsent()) {
        String name = fn.name().isAbsent() ? "<generated name>" : fn.name().shape();
        findings.report(fn, "Function " + fn.id() + " has no log group in the template: Lambda"
            + " creates /aws/lambda/" + name + " itself and keeps its logs forever");
      }
    }
  }

  /**
   * The model's log groups of the function, plus those named {@code /aws/lambda/<same
   * expression>} as an unresolved function name ({@code ${AWS::StackName}-orders}): the same
   * expression has the same value once deployed.
   */
  private static List<LogGroup> groupsOf(CloudModel model, Function fn) {
    List<LogGroup> out = new ArrayList<>(model.logGroupsOf(fn));
    if (fn.name().isUnknown()) {
      String expected = "/aws/lambda/" + fn.name().shape();
      model.logGroups().stream()
          .filter(g -> g.name().shape().equals(expected) && !out.contains(g))
          .forEach(out::add);
    }
    return out;
  }
}
