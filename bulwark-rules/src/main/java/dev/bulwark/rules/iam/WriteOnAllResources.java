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

@RuleInfo(
    id = "IAM-003",
    title = "Policy grants write or permissions actions on every resource",
    severity = Severity.MEDIUM,
    remediation = "Replace Resource \"*\" with the ARNs of the tables, buckets, queues or roles the workload writes to.",
    tags = {"least-privilege", "iam"})
public final class WriteOnAllResources implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      RoleCapabilities caps = RoleCapabilities.of(model, role);
      // wildcards are IAM-002's, escalating grants IAM-004's
      List<Grant> escalations = Escalations.grants(caps);
      Map<Statement, List<Grant>> byStatement = new LinkedHashMap<>();
      for (Grant g : caps.writesOnAllResources()) {
        if (g.writtenInSource() && !g.isNotAction() && !IamActions.isAllActions(g.action())
            && !IamActions.isServiceWildcard(g.action()) && !escalations.contains(g)) {
          byStatement.computeIfAbsent(g.statement(), s -> new ArrayList<>()).add(g);
        }
      }
      byStatement.forEach((statement, grants) -> {
        List<String> actions = grants.stream().map(Grant::action).toList();
        String policy = grants.get(0).policy().name();
        findings.on(role).at(Grants.allResourcesLocation(grants.get(0)))
            .key(policy + ":" + String.join(",", actions))
            .report(Roles.describe(model, role) + ": policy " + policy + " grants "
                + Grants.list(actions) + " on *");
      });
    }
  }
}
