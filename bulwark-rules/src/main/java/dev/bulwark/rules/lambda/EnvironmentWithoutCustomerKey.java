package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LAMBDA-012",
    title = "Function environment variables are not encrypted with a customer-managed key",
    severity = Severity.LOW,
    remediation = "Set KmsKeyArn on the function to a customer-managed KMS key.",
    tags = {"encryption", "kms"})
public final class EnvironmentWithoutCustomerKey implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      if (fn.environment().isEmpty() || !fn.kmsKey().isAbsent()) {
        continue;
      }
      int n = fn.environment().size();
      findings.on(fn).at(fn.environment().get(0).nameLocation())
          .report("Function " + fn.id() + ": " + n + " environment variable" + (n == 1 ? "" : "s")
              + " (" + fn.environment().get(0).name() + (n > 1 ? ", …" : "")
              + ") encrypted only with the AWS managed key, no KmsKeyArn");
    }
  }
}
