package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** A REST stage without X-Ray tracing. HTTP and WebSocket APIs do not support X-Ray. */
@RuleInfo(
    id = "APIGW-010",
    title = "REST API stage has X-Ray tracing disabled",
    severity = Severity.LOW,
    remediation = "Set TracingEnabled to true on the stage.",
    tags = {"api", "tracing", "monitoring"})
public final class StageWithoutTracing implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      if (ApiStages.isRest(model, stage) && stage.tracing().isAbsentOr(t -> !t)) {
        findings.report(stage, Where.of(stage, stage.tracing()),
            ApiStages.describe(model, stage) + " has X-Ray tracing disabled");
      }
    }
  }
}
