package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** A REST stage whose execution logging level is neither {@code INFO} nor {@code ERROR}. */
@RuleInfo(
    id = "APIGW-009",
    title = "REST API stage has execution logging disabled",
    severity = Severity.LOW,
    remediation = "Set the stage's LoggingLevel to ERROR or INFO in MethodSettings"
        + " for every resource and method (/*/*).",
    tags = {"api", "logging"})
public final class StageWithoutExecutionLogging implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      Attr<String> level = stage.executionLoggingLevel();
      if (ApiStages.isRest(model, stage)
          && level.isAbsentOr(l -> !l.equalsIgnoreCase("INFO") && !l.equalsIgnoreCase("ERROR"))) {
        String shown = level.isAbsent() ? "OFF (LoggingLevel not set)" : level.shape();
        findings.report(stage, Where.of(stage, level),
            ApiStages.describe(model, stage) + ": execution logging level is " + shown);
      }
    }
  }
}
