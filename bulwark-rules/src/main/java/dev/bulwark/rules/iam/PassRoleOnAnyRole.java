package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Grant;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Escalations;
import dev.bulwark.rules.support.Roles;
import java.util.List;

@RuleInfo(
    id = "IAM-005",
    title = "Policy allows iam:PassRole on every role",
    severity = Severity.MEDIUM,
    remediation = "Scope iam:PassRole to the ARNs of the roles the workload hands to services.",
    tags = {"least-privilege", "iam", "privilege-escalation"})
public final class PassRoleOnAnyRole implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      RoleCapabilities caps = RoleCapabilities.of(model, role);
      // with an action that runs code under the passed role, it is IAM-004's escalation
      List<Grant> escalations = Escalations.grants(caps);
      for (Grant g : caps.grants()) {
        if (escalations.contains(g) || g.policy().source() instanceof Policy.AwsManaged
            || g.isNotAction()
            || IamActions.isAllActions(g.action()) || IamActions.isServiceWildcard(g.action())
            || !g.allows("iam:PassRole") || !g.onBroadResources()) {
          continue;
        }
        String key = g.policy().name() + ":" + g.action() + ":" + String.join(",", g.resources());
        findings.on(role).at(g.location()).key(key)
            .report(Roles.describe(model, role) + " is granted " + g.describe()
                + ": it can hand any role, including admin roles, to a service");
      }
    }
  }
}
