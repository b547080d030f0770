package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

/** A stage (REST, HTTP or WebSocket) that writes no access log. */
@RuleInfo(
    id = "APIGW-008",
    title = "API stage has access logging disabled",
    severity = Severity.MEDIUM,
    remediation = "Send the stage's access logs to a CloudWatch Logs log group"
        + " (AccessLogSetting, AccessLogSettings in HTTP APIs).",
    tags = {"api", "logging"})
public final class StageWithoutAccessLogging implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      if (stage.accessLogDestination().isAbsent()) {
        findings.report(stage, ApiStages.describe(model, stage)
            + " has no access logging: who called the API, and when, is not recorded");
      }
    }
  }
}
