package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.EnvSecrets;
import java.util.List;

@RuleInfo(
    id = "LAMBDA-012",
    title = "Function environment variables are not encrypted with a customer-managed key",
    severity = Severity.LOW,
    remediation = "Set KmsKeyArn on the function to a customer-managed KMS key, or read the secret"
        + " at run time from Secrets Manager or Parameter Store.",
    tags = {"encryption", "kms", "secrets"})
public final class EnvironmentWithoutCustomerKey implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      if (!fn.kmsKey().isAbsent()) {
        continue;
      }
      if (fn.environment().isEmpty()) {
        continue;
      }
      List<Function.EnvVar> secrets = EnvSecrets.unwrittenSecrets(fn);
      if (secrets.isEmpty()) {
        // configuration only: the AWS managed key is a weaker control, not an exposure
        List<Function.EnvVar> vars = fn.environment();
        String names = vars.get(0).name() + (vars.size() > 1 ? ", …" : "");
        findings.on(fn).at(vars.get(0).nameLocation())
            .report("Function " + fn.id() + ": " + vars.size() + " environment variable"
                + (vars.size() == 1 ? "" : "s") + " (" + names + ") encrypted only with the AWS"
                + " managed key, no KmsKeyArn");
        continue;
      }
      Function.EnvVar first = secrets.get(0);
      String which = first.name() + " (" + first.value().shape() + ")";
      String what = secrets.size() == 1
          ? "environment variable " + which + " holds a secret"
          : "environment variables " + which + " and " + (secrets.size() - 1)
              + " more hold secrets";
      findings.on(fn).at(first.nameLocation()).severity(Severity.MEDIUM)
          .report("Function " + fn.id() + ": " + what + " encrypted only with the AWS managed"
              + " key, no KmsKeyArn: anyone who can read the function's configuration reads "
              + (secrets.size() == 1 ? "it" : "them") + " in clear");
    }
  }
}
