package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.Role;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Grant;
import dev.bulwark.model.Statement;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Escalations;
import dev.bulwark.rules.support.Grants;
import dev.bulwark.rules.support.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      // IAM-001 reports the admin grant, IAM-004 the escalating ones
      List<Grant> owned = new ArrayList<>(Escalations.grants(caps));
      admin.ifPresent(owned::add);
      Map<Statement, List<Grant>> byStatement = new LinkedHashMap<>();
      for (Grant g : caps.grants()) {
        boolean wildcard = g.isNotAction() || IamActions.isAllActions(g.action())
            || IamActions.isServiceWildcard(g.action());
        if (wildcard && g.writtenInSource() && !owned.contains(g)) {
          byStatement.computeIfAbsent(g.statement(), s -> new ArrayList<>()).add(g);
        }
      }
      byStatement.values().forEach(grants -> {
        Grant first = grants.get(0);
        List<String> actions = grants.stream().map(Grant::action).toList();
        String what = grants.size() == 1 ? first.describe()
            : Grants.list(actions) + " on " + String.join(", ", first.resources()) + " (policy "
                + first.policy().name() + ")";
        findings.on(role).at(Grants.actionLocation(first))
            .key(first.policy().name() + ":" + String.join(",", actions))
            .report(Roles.describe(model, role) + " is granted " + what);
      });
    }
  }
}
