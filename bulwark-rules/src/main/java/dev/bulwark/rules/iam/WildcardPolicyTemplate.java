package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Role;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Roles;
import java.util.Locale;
import java.util.Map;

@RuleInfo(
    id = "IAM-009",
    title = "SAM policy template parameter is '*'",
    severity = Severity.MEDIUM,
    remediation = "Pass the template the name of the function's own table, bucket, queue or topic, e.g. !Ref OrdersTable.",
    tags = {"least-privilege", "iam", "sam"})
public final class WildcardPolicyTemplate implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      for (Policy policy : role.policies()) {
        if (!(policy.source() instanceof Policy.SamTemplate t)) {
          continue;
        }
        for (Map.Entry<String, Node> p : t.parameters().entrySet()) {
          if (p.getValue().text().map(v -> v.trim().equals("*")).orElse(false)) {
            findings.on(role).at(p.getValue().location()).key(t.template() + ":" + p.getKey())
                .report(Roles.describe(model, role) + ": policy template " + t.template()
                    + " has " + p.getKey() + " '*': its actions apply to every "
                    + noun(p.getKey()) + " in the account");
          }
        }
      }
    }
  }

  /** {@code TableName} → {@code table}, {@code StateMachineName} → {@code statemachine}. */
  private static String noun(String parameter) {
    for (String suffix : new String[] {"Name", "Arn", "Id", "Prefix"}) {
      if (parameter.endsWith(suffix) && parameter.length() > suffix.length()) {
        String stem = parameter.substring(0, parameter.length() - suffix.length());
        return stem.toLowerCase(Locale.ROOT);
      }
    }
    return parameter.toLowerCase(Locale.ROOT) + " resource";
  }
}
