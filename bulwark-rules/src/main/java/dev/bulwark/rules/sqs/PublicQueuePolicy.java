package dev.bulwark.rules.sqs;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.PolicyTargets;
import dev.bulwark.rules.internal.data.PublicStatements;

/** A queue policy statement that lets any AWS principal act on the queue. */
@RuleInfo(
    id = "SQS-002",
    title = "SQS queue policy allows access to everyone",
    severity = Severity.HIGH,
    remediation = "Name the allowed principals, or add a condition on aws:SourceArn,"
        + " aws:SourceAccount or aws:PrincipalOrgID.",
    tags = {"sqs", "resource-policy", "exposure"})
public final class PublicQueuePolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (ResourcePolicy policy : model.resourcePolicies()) {
      if (!policy.type().equals("AWS::SQS::QueuePolicy")) {
        continue;
      }
      String targets = PolicyTargets.describe(policy, "no queue");
      for (PublicStatements.Open open : PublicStatements.of(policy.document())) {
        findings.on(policy).at(open.statement().location()).key(open.key())
            .report("Queue policy " + policy.id() + " (queues " + targets + "): " + open.label()
                + " allows " + open.actions() + " to everyone without a restricting condition");
      }
    }
  }
}
