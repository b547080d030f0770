package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Escalation;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Escalations;
import dev.bulwark.rules.support.Grants;
import dev.bulwark.rules.support.Roles;

@RuleInfo(
    id = "IAM-004",
    title = "Role can escalate its own privileges",
    severity = Severity.HIGH,
    remediation = "Remove IAM write, credential and code-deployment actions from the role, or scope iam:PassRole to the roles it must pass.",
    tags = {"least-privilege", "iam", "privilege-escalation"})
public final class PrivilegeEscalation implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      for (Escalation e : Escalations.of(RoleCapabilities.of(model, role))) {
        findings.on(role).at(Grants.actionLocation(e.grant()))
            .key(e.action() + "@" + e.grant().policy().name())
            .report(Roles.describe(model, role) + " can escalate privileges: " + e.describe());
      }
    }
  }
}
