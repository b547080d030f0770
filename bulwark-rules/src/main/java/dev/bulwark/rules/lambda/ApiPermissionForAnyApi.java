package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Permission;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.ExecuteApiArns;
import dev.bulwark.rules.support.Refs;

@RuleInfo(
    id = "LAMBDA-003",
    title = "API Gateway permission source ARN matches any API",
    severity = Severity.HIGH,
    remediation = "Pin SourceArn to the API that invokes the function, e.g. arn:aws:execute-api:<region>:<account>:<api-id>/*.",
    tags = {"exposure", "resource-policy", "api-gateway"})
public final class ApiPermissionForAnyApi implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Permission p : model.permissions()) {
      if (!p.principal().isEqualTo("apigateway.amazonaws.com")) {
        continue;
      }
      String shape = p.sourceArn().shape();
      boolean wide = p.sourceArn().isUnknown() ? ExecuteApiArns.anyApi(shape)
          : p.sourceArn().is(ExecuteApiArns::anyApi);
      if (!wide) {
        continue;
      }
      boolean anyAccount = p.sourceArn().isUnknown() ? ExecuteApiArns.anyAccount(shape)
          : p.sourceArn().is(ExecuteApiArns::anyAccount);
      findings.on(p).at(p.sourceArn()).severity(anyAccount ? Severity.HIGH : Severity.MEDIUM)
          .report("Permission " + p.id() + " lets any API Gateway API" + (anyAccount
              ? " of any account" : " of the account") + " invoke function "
              + Refs.name(p.function()) + " (SourceArn " + shape + ")");
    }
  }
}
