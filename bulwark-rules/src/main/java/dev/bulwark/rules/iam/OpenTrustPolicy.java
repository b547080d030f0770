package dev.bulwark.rules.iam;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Role;
import dev.bulwark.model.Statement;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Roles;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "IAM-007",
    title = "Role trust policy admits principals beyond the intended service",
    severity = Severity.HIGH,
    remediation = "Trust only lambda.amazonaws.com in execution roles, and name exact principals with a condition elsewhere.",
    tags = {"least-privilege", "iam", "trust"})
public final class OpenTrustPolicy implements Rule {

  private static final Set<String> LAMBDA_SERVICES =
      Set.of("lambda.amazonaws.com", "edgelambda.amazonaws.com");

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Role role : model.roles()) {
      boolean execution = Roles.isExecutionRole(model, role);
      for (PolicyDocument doc : role.trustPolicy().values()) {
        for (Statement s : doc.allows()) {
          if (Exposure.isOpenToEveryone(s)) {
            findings.on(role).at(s.location()).key("*").severity(Severity.CRITICAL)
                .report(Roles.describe(model, role) + " can be assumed by anyone: its trust"
                    + " policy allows principal * without a restricting condition");
            continue;
          }
          if (!execution || s.notPrincipal()) {
            continue;
          }
          for (Statement.Principal p : s.principals()) {
            boolean lambda = p.kind().equals("Service")
                && p.value().is(v -> LAMBDA_SERVICES.contains(v.toLowerCase(Locale.ROOT)));
            if (p.value().isPresent() && !lambda) {
              // another AWS service acts only for resources someone configured with PassRole;
              // an account, a role or a federated identity can assume the role at will
              boolean service = p.kind().equals("Service");
              findings.on(role).at(p.value()).key(p.value().shape())
                  .severity(service ? Severity.MEDIUM : Severity.HIGH)
                  .report(Roles.describe(model, role) + " also trusts " + p.kind() + " "
                      + p.value().shape() + ": it can act with the functions' permissions");
            }
          }
        }
      }
    }
  }
}
