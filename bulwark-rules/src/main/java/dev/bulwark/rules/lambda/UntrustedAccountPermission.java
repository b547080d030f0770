package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Permission;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Principals;
import dev.bulwark.rules.support.Refs;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-005",
    title = "Function permission granted to an account outside the trusted list",
    severity = Severity.MEDIUM,
    remediation = "Remove the permission, or add the account to --trusted-accounts once it is known to be yours or a partner's.",
    tags = {"exposure", "resource-policy", "cross-account"})
public final class UntrustedAccountPermission implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Permission p : model.permissions()) {
      Optional<String> account = p.principal().value().flatMap(Principals::accountOf);
      if (account.isPresent() && !findings.settings().trustedAccounts().contains(account.get())) {
        findings.report(p, p.principal(), "Permission " + p.id() + " lets account "
            + account.get() + " call " + p.action().shape() + " on function "
            + Refs.name(p.function()) + "; the account is not in the trusted accounts");
      }
    }
  }
}
