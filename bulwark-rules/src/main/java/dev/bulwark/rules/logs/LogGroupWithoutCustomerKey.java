package dev.bulwark.rules.logs;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.LogGroup;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LOGS-002",
    title = "Log group is not encrypted with a customer-managed KMS key",
    severity = Severity.LOW,
    remediation =
        "Set KmsKeyId on the log group to a customer-managed KMS key that CloudWatch Logs may "
        + "use.",
    tags = {"logging", "encryption", "kms"})
public final class LogGroupWithoutCustomerKey implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (LogGroup g : model.logGroups()) {
      if (g.kmsKey().isAbsent()) {
        findings.report(g, g.kmsKey(), "Log group " + g.id()
            + (g.name().isPresent() ? " (" + g.name().shape() + ")" : "")
            + " has no KmsKeyId: only the service-owned key protects its logs");
      }
    }
  }
}
