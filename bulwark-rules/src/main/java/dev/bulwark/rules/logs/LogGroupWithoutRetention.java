package dev.bulwark.rules.logs;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.LogGroup;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LOGS-001",
    title = "Log group has no retention period",
    severity = Severity.LOW,
    remediation = "Set RetentionInDays on the log group.",
    tags = {"logging", "cost", "data-retention"})
public final class LogGroupWithoutRetention implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (LogGroup g : model.logGroups()) {
      if (g.retentionDays().isAbsent()) {
        findings.report(g, g.retentionDays(), "Log group " + g.id()
            + (g.name().isPresent() ? " (" + g.name().shape() + ")" : "")
            + " has no RetentionInDays: its logs are kept forever");
      }
    }
  }
}
