package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Optional;

/** A stage of a public REST API with no WAF web ACL associated. Private APIs are exempt. */
@RuleInfo(
    id = "APIGW-005",
    title = "REST API stage is not protected by a WAF web ACL",
    severity = Severity.MEDIUM,
    remediation = "Associate an AWS WAF web ACL with the stage (AWS::WAFv2::WebACLAssociation).",
    tags = {"api", "waf", "exposure"})
public final class StageWithoutWebAcl implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      Optional<Api> api = model.apiOf(stage);
      if (api.isEmpty()
          || api.get().kind() != ApiKind.REST
          || api.get().endpointType().mayBe(t -> t.equalsIgnoreCase("PRIVATE"))
          || !model.webAclsOf(stage).isEmpty()
          || ApiStages.mayHaveWebAcl(model, stage)) {
        continue;
      }
      findings.report(stage, ApiStages.describe(model, stage)
          + " has no WAF web ACL: requests reach the integration unfiltered");
    }
  }
}
