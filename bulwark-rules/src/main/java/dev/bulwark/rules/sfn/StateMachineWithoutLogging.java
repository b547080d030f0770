package dev.bulwark.rules.sfn;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.StateMachine;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** A state machine that sends no execution history to CloudWatch Logs (level {@code OFF}). */
@RuleInfo(
    id = "SFN-001",
    title = "Step Functions state machine has logging disabled",
    severity = Severity.LOW,
    remediation = "Set the state machine's logging level to ERROR or ALL with a log group"
        + " destination.",
    tags = {"stepfunctions", "logging"})
public final class StateMachineWithoutLogging implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (StateMachine sm : model.stateMachines()) {
      Attr<String> level = sm.loggingLevel();
      if (level.isAbsentOr(l -> l.equalsIgnoreCase("OFF"))) {
        String express = sm.workflowType().is(t -> t.equalsIgnoreCase("EXPRESS"))
            ? " (an Express workflow keeps no execution history without logs)" : "";
        findings.report(sm, Where.of(sm, level),
            "State machine " + sm.id() + ": logging level is OFF" + express);
      }
    }
  }
}
