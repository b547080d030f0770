package dev.bulwark.rules.sfn;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.StateMachine;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** A state machine without X-Ray tracing. */
@RuleInfo(
    id = "SFN-002",
    title = "Step Functions state machine has X-Ray tracing disabled",
    severity = Severity.LOW,
    remediation = "Set TracingConfiguration.Enabled (Tracing.Enabled in SAM) to true.",
    tags = {"stepfunctions", "tracing", "monitoring"})
public final class StateMachineWithoutTracing implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (StateMachine sm : model.stateMachines()) {
      if (sm.tracing().isAbsentOr(t -> !t)) {
        findings.report(sm, Where.of(sm, sm.tracing()),
            "State machine " + sm.id() + " has X-Ray tracing disabled");
      }
    }
  }
}
