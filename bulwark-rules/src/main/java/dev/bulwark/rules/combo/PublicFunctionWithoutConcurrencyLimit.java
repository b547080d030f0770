package dev.bulwark.rules.combo;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Chains;
import dev.bulwark.rules.support.UncappedPaths;
import java.util.List;

@RuleInfo(
    id = "COMBO-003",
    title = "Unauthenticated function has no concurrency limit",
    severity = Severity.HIGH,
    remediation = "Set ReservedConcurrentExecutions on the function and throttle its API stage, or require authentication.",
    tags = {"exposure", "denial-of-wallet", "combination"})
public final class PublicFunctionWithoutConcurrencyLimit implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      List<Exposure.Path> paths = UncappedPaths.of(model, fn);
      if (paths.isEmpty()) {
        continue;
      }
      findings.on(fn).report("Function " + fn.id() + ": " + Chains.reachable(paths)
          + Chains.ARROW + "no reserved concurrency and no stage throttling: anyone can run it"
          + " at the account's full concurrency, starving other functions and running up the bill");
    }
  }
}
