package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Grant;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Roles;
import java.util.Optional;

@RuleInfo(
    id = "IAM-001",
    title = "Role has administrator access",
    severity = Severity.CRITICAL,
    remediation = "Replace the administrator grant with the actions and resources the role's workload uses.",
    tags = {"least-privilege", "iam"})
public final class AdministratorRole implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      RoleCapabilities caps = RoleCapabilities.of(model, role);
      Optional<Grant> admin = caps.admin();
      String what = admin.isPresent() ? "is admin" : "has near-admin access";
      Optional<Grant> grant = admin.or(caps::nearAdmin);
      grant.ifPresent(g -> findings.on(role).at(g.location())
          .report(Roles.describe(model, role) + " " + what + ": " + g.describe()));
    }
  }
}
