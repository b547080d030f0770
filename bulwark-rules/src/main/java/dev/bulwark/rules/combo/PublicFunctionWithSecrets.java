package dev.bulwark.rules.combo;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Chains;
import dev.bulwark.rules.support.EnvSecrets;
import java.util.List;

@RuleInfo(
    id = "COMBO-002",
    title = "Unauthenticated function holds secrets in its environment",
    severity = Severity.HIGH,
    remediation = "Move the secrets to Secrets Manager or Parameter Store and require authentication on every path to the function.",
    tags = {"exposure", "secrets", "combination"})
public final class PublicFunctionWithSecrets implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      List<EnvSecrets.Match> secrets = EnvSecrets.of(fn);
      List<Exposure.Path> paths = secrets.isEmpty()
          ? List.of() : Exposure.unauthenticatedPaths(model, fn);
      if (paths.isEmpty()) {
        continue;
      }
      List<String> held = secrets.stream()
          .map(m -> m.variable() + " (" + m.kind().label() + ", " + m.redacted() + ")").toList();
      findings.on(fn).report("Function " + fn.id() + ": " + Chains.reachable(paths)
          + Chains.ARROW + "environment holds " + String.join(", ", held));
    }
  }
}
