package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LAMBDA-010",
    title = "Function is not attached to a VPC",
    severity = Severity.LOW,
    remediation =
        "Attach the function to private subnets with VpcConfig if it must reach private "
        + "resources.",
    tags = {"network"},
    enabledByDefault = false)
public final class FunctionOutsideVpc implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      boolean noSubnets =
          fn.vpc().is(v -> v.subnetIds().isEmpty() && v.securityGroupIds().isEmpty());
      if (fn.vpc().isAbsent() || noSubnets) {
        findings.report(fn, fn.vpc(), "Function " + fn.id() + " is not attached to a VPC"
            + (noSubnets ? ": its VpcConfig lists no subnets and no security groups" : ""));
      }
    }
  }
}
