package dev.bulwark.rules.combo;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Danger;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Chains;
import java.util.List;
import java.util.Optional;

@RuleInfo(
    id = "COMBO-001",
    title = "Unauthenticated function has an admin, escalating or broadly writing role",
    severity = Severity.CRITICAL,
    remediation = "Require authentication on every path to the function, or cut its role down to the resources it uses.",
    tags = {"exposure", "least-privilege", "combination"})
public final class PublicFunctionWithPowerfulRole implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      Optional<Role> role = model.roleOf(fn);
      if (role.isEmpty()) {
        continue;
      }
      Optional<Danger> danger = RoleCapabilities.of(model, role.get()).mostDangerous();
      List<Exposure.Path> paths = danger.isPresent()
          ? Exposure.unauthenticatedPaths(model, fn) : List.of();
      if (paths.isEmpty()) {
        continue;
      }
      Danger d = danger.get();
      findings.on(fn)
          .severity(d.level() == RoleCapabilities.Level.BROAD_DATA_WRITE
              ? Severity.HIGH : Severity.CRITICAL)
          .report("Function " + fn.id() + ": " + Chains.reachable(paths) + Chains.ARROW
              + "role " + role.get().id() + " " + d.phrase());
    }
  }
}
