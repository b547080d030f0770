package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Permission;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Principals;
import dev.bulwark.rules.support.Refs;

@RuleInfo(
    id = "LAMBDA-002",
    title = "Service permission does not name its source (confused deputy)",
    severity = Severity.MEDIUM,
    remediation = "Add SourceArn with the invoking resource, and SourceAccount for S3 and other sources whose ARNs carry no account.",
    tags = {"exposure", "resource-policy", "confused-deputy"})
public final class ServicePermissionWithoutSource implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Permission p : model.permissions()) {
      if (!p.principal().is(Principals::isService)) {
        continue;
      }
      String principal = p.principal().get();
      String service = Principals.serviceName(principal);
      String head = "Permission " + p.id() + " lets " + principal + " invoke function "
          + Refs.name(p.function());
      if (service.startsWith("alexa-")) {
        if (p.eventSourceToken().isAbsent()) {
          findings.report(p, p.principal(), head
              + " without EventSourceToken: any Alexa skill can invoke it");
        }
      } else if (service.equals("s3")) {
        if (p.sourceAccount().isAbsent() && p.principalOrgId().isAbsent()) {
          findings.report(p, p.principal(), head + (p.sourceArn().isAbsent()
              ? " without SourceArn or SourceAccount: resources of any account can invoke it"
              : " without SourceAccount: bucket ARNs carry no account, so a bucket of the same"
                  + " name in another account can invoke it"));
        }
      } else if (p.sourceArn().isAbsent() && p.sourceAccount().isAbsent()
          && p.principalOrgId().isAbsent()) {
        findings.report(p, p.principal(), head
            + " without SourceArn or SourceAccount: resources of any account can invoke it");
      }
    }
  }
}
