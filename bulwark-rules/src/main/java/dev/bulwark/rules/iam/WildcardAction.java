package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Grant;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Roles;
import java.util.Optional;

@RuleInfo(
    id = "IAM-002",
    title = "Policy grants wildcard actions",
    severity = Severity.MEDIUM,
    remediation = "List the actions the workload calls instead of service:* or NotAction.",
    tags = {"least-privilege", "iam"})
public final class WildcardAction implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      RoleCapabilities caps = RoleCapabilities.of(model, role);
      Optional<Grant> admin = caps.admin().or(caps::nearAdmin);
      for (Grant g : caps.grants()) {
        boolean wildcard = g.isNotAction() || IamActions.isAllActions(g.action())
            || IamActions.isServiceWildcard(g.action());
        if (!wildcard || !g.writtenInSource() || admin.map(g::equals).orElse(false)) {
          continue;
        }
        findings.on(role).at(g.location()).key(g.policy().name() + ":" + g.action())
            .report(Roles.describe(model, role) + " is granted " + g.describe());
      }
    }
  }
}
