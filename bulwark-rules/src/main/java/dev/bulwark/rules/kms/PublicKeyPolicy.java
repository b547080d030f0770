package dev.bulwark.rules.kms;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Key;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.PublicStatements;

/**
 * A key policy statement that lets any AWS principal use or manage the key, with no condition on
 * the calling account, organization or service.
 */
@RuleInfo(
    id = "KMS-001",
    title = "KMS key policy allows access to everyone",
    severity = Severity.HIGH,
    remediation = "Name the allowed principals, or add a condition on kms:CallerAccount,"
        + " kms:ViaService or aws:PrincipalOrgID.",
    tags = {"kms", "resource-policy", "exposure"})
public final class PublicKeyPolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Key key : model.keys()) {
      for (PublicStatements.Open open : PublicStatements.of(key.policy())) {
        findings.on(key).at(open.statement().location()).key(open.key())
            .report("Key " + key.id() + ": " + open.label() + " of its key policy allows "
                + open.actions() + " to everyone without a condition on the caller");
      }
    }
  }
}
