package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.List;

@RuleInfo(
    id = "IAM-006",
    title = "Several functions share one execution role",
    severity = Severity.LOW,
    remediation = "Give each function its own role with the permissions that function uses.",
    tags = {"least-privilege", "iam"})
public final class SharedExecutionRole implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      List<Function> fns = model.functionsWithRole(role);
      if (fns.size() < 2 || RoleCapabilities.of(model, role).isBaselineOnly()) {
        continue;
      }
      findings.report(role, "Role " + role.id() + " is the execution role of " + fns.size()
          + " functions (" + String.join(", ", fns.stream().map(Resource::id).toList())
          + "): each of them can do whatever any of them needs");
    }
  }
}
