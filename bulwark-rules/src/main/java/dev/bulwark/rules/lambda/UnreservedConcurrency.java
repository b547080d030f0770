package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.UncappedPaths;

@RuleInfo(
    id = "LAMBDA-015",
    title = "Function has no reserved concurrency limit",
    severity = Severity.LOW,
    remediation =
        "Set ReservedConcurrentExecutions to the most concurrent executions the function should "
        + "ever run.",
    tags = {"cost", "availability", "denial-of-wallet"})
public final class UnreservedConcurrency implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      // an uncapped public function is COMBO-003's finding, with the path that exposes it
      if (fn.reservedConcurrency().isAbsent() && UncappedPaths.of(model, fn).isEmpty()) {
        findings.report(fn, fn.reservedConcurrency(), "Function " + fn.id()
            + " has no reserved concurrency: a flood of invocations can take the account's whole"
            + " concurrency and run up the bill");
      }
    }
  }
}
