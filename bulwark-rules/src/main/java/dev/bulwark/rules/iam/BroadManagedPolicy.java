package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.AwsManagedPolicies;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Ref;
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
    id = "IAM-008",
    title = "Function role uses a broad AWS-managed policy",
    severity = Severity.MEDIUM,
    remediation = "Replace the managed policy with statements (or SAM policy templates) scoped to the function's own resources.",
    tags = {"least-privilege", "iam"})
public final class BroadManagedPolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      if (!Roles.isExecutionRole(model, role)) {
        continue;
      }
      List<Grant> escalations = Escalations.grants(RoleCapabilities.of(model, role));
      for (Attr<Ref> arn : role.managedPolicyArns()) {
        String literal = arn.value().flatMap(Ref::literal).orElse("");
        // administrator policies are IAM-001's, policies that let the role escalate IAM-004's
        if (literal.isEmpty() || !AwsManagedPolicies.isBroad(literal)
            || AwsManagedPolicies.isAdministrative(literal) || escalates(escalations, literal)) {
          continue;
        }
        String name = AwsManagedPolicies.nameOf(literal);
        findings.on(role).at(arn).key(name).report(Roles.describe(model, role)
            + " has AWS-managed policy " + name + ": " + grants(literal));
      }
    }
  }

  private static boolean escalates(List<Grant> escalations, String arn) {
    return escalations.stream().anyMatch(g -> g.policy().source() instanceof Policy.AwsManaged m
        && m.arn().equalsIgnoreCase(arn));
  }

  private static String grants(String arn) {
    if (AwsManagedPolicies.nameOf(arn).equalsIgnoreCase("AWSLambdaRole")) {
      return "the functions can invoke every function in the account";
    }
    return AwsManagedPolicies.entry(arn)
        .map(e -> "grants " + String.join(", ", e.allows().get(0)) + " on every resource")
        .orElse("its name says it grants full access to a service");
  }
}
