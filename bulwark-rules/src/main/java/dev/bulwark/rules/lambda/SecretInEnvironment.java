package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.EnvSecrets;

@RuleInfo(
    id = "LAMBDA-011",
    title = "Function environment variable holds a secret in plain text",
    severity = Severity.HIGH,
    remediation =
        "Keep the secret in Secrets Manager or SSM Parameter Store and pass its name, or a "
        + "dynamic reference, instead.",
    tags = {"secrets"})
public final class SecretInEnvironment implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      for (EnvSecrets.Match m : EnvSecrets.of(fn)) {
        // a key that signs requests by itself is worse than a password that needs a reachable host
        boolean signingKey = m.kind() == EnvSecrets.Kind.AWS_SECRET_KEY
            || m.kind() == EnvSecrets.Kind.PRIVATE_KEY;
        findings.on(fn).at(m.location()).key(m.variable())
            .severity(signingKey ? Severity.CRITICAL : Severity.HIGH)
            .report("Function " + fn.id() + ": " + m.describe());
      }
    }
  }
}
