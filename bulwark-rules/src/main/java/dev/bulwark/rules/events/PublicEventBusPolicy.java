package dev.bulwark.rules.events;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventBus;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.PolicyTargets;
import dev.bulwark.rules.internal.data.PublicStatements;

/**
 * An event bus policy statement that lets any AWS account put events on the bus (or manage it):
 * forged events then reach every rule and function behind it.
 */
@RuleInfo(
    id = "EVENTS-001",
    title = "EventBridge event bus policy allows access to everyone",
    severity = Severity.HIGH,
    remediation = "Name the allowed accounts, or add a condition on aws:PrincipalOrgID.",
    tags = {"eventbridge", "resource-policy", "exposure"})
public final class PublicEventBusPolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (EventBus bus : model.eventBuses()) {
      for (PublicStatements.Open open : PublicStatements.of(bus.policy())) {
        findings.on(bus).at(open.statement().location()).key(open.key())
            .report("Event bus " + bus.id() + ": " + open.label() + " of its policy allows "
                + open.actions() + " to everyone without a restricting condition");
      }
    }
    for (ResourcePolicy policy : model.resourcePolicies()) {
      if (!policy.type().equals("AWS::Events::EventBusPolicy")) {
        continue;
      }
      String targets = PolicyTargets.describe(policy, "default");
      for (PublicStatements.Open open : PublicStatements.of(policy.document())) {
        findings.on(policy).at(open.statement().location()).key(open.key())
            .report("Event bus policy " + policy.id() + " (bus " + targets + "): " + open.label()
                + " allows " + open.actions() + " to everyone without a restricting condition");
      }
    }
  }
}
