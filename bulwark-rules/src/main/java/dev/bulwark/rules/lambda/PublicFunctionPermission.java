package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Permission;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Refs;

@RuleInfo(
    id = "LAMBDA-001",
    title = "Function resource policy is open to every AWS principal",
    severity = Severity.HIGH,
    remediation = "Name the calling account or service as Principal, or add SourceArn, SourceAccount or PrincipalOrgID.",
    tags = {"exposure", "resource-policy"})
public final class PublicFunctionPermission implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Permission p : model.permissions()) {
      if (p.principal().isEqualTo("*") && Exposure.isUnrestricted(p)
          && !Exposure.isUrlPermission(p)) {
        findings.report(p, p.principal(), "Permission " + p.id() + " lets any AWS account call "
            + p.action().shape() + " on function " + Refs.name(p.function())
            + " (principal *, no SourceArn, SourceAccount or PrincipalOrgID)");
      }
    }
  }
}
