package dev.bulwark.rules.sns;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.PolicyTargets;
import dev.bulwark.rules.internal.data.PublicStatements;

/** A topic policy statement that lets any AWS principal publish, subscribe or manage the topic. */
@RuleInfo(
    id = "SNS-002",
    title = "SNS topic policy allows access to everyone",
    severity = Severity.HIGH,
    remediation = "Name the allowed principals, or add a condition on aws:SourceArn,"
        + " aws:SourceAccount or aws:PrincipalOrgID.",
    tags = {"sns", "resource-policy", "exposure"})
public final class PublicTopicPolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (ResourcePolicy policy : model.resourcePolicies()) {
      if (!policy.type().equals("AWS::SNS::TopicPolicy")) {
        continue;
      }
      String targets = PolicyTargets.describe(policy, "no topic");
      for (PublicStatements.Open open : PublicStatements.of(policy.document())) {
        findings.on(policy).at(open.statement().location()).key(open.key())
            .report("Topic policy " + policy.id() + " (topics " + targets + "): " + open.label()
                + " allows " + open.actions() + " to everyone without a restricting condition");
      }
    }
  }
}
