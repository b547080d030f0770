package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Statement;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.List;

@RuleInfo(
    id = "APIGW-007",
    title = "API resource policy allows every principal without a restricting condition",
    severity = Severity.MEDIUM,
    remediation = "Restrict the Allow with aws:SourceVpce, aws:SourceIp or aws:PrincipalOrgID, or add a Deny for callers outside them.",
    tags = {"exposure", "resource-policy", "api-gateway"})
public final class PublicApiPolicy implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Api api : model.apis()) {
      boolean iamRoutes = model.routesOf(api).stream()
          .anyMatch(r -> r.authorizationType().isEqualTo("AWS_IAM"));
      if (!api.isPrivate() && !iamRoutes) {
        continue;
      }
      for (PolicyDocument doc : api.resourcePolicy().values()) {
        List<Statement> open = Exposure.openStatements(doc);
        if (open.isEmpty() || Exposure.deniesOutsiders(doc)) {
          continue;
        }
        findings.on(api).at(open.get(0).location())
            .severity(api.isPrivate() ? Severity.HIGH : Severity.MEDIUM)
            .report("API " + api.id() + ": resource policy allows principal * without a"
                + " restricting condition" + (api.isPrivate()
                    ? ": VPC endpoints of any account can call this private API"
                    : ": principals of any AWS account can call its AWS_IAM routes"));
        break;
      }
    }
  }
}
