package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Refs;

@RuleInfo(
    id = "LAMBDA-006",
    title = "Function URL allows unauthenticated access",
    severity = Severity.HIGH,
    remediation = "Set the URL's AuthType to AWS_IAM, or put an authenticating API or CloudFront with origin access control in front.",
    tags = {"exposure", "authentication", "function-url"})
public final class PublicFunctionUrl implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (FunctionUrl url : model.functionUrls()) {
      if (url.authType().is(t -> t.equalsIgnoreCase("NONE"))) {
        findings.report(url, url.authType(), "Function URL " + url.id() + " of function "
            + Refs.name(url.function())
            + " has AuthType NONE: anyone on the internet can invoke the function");
      }
    }
  }
}
