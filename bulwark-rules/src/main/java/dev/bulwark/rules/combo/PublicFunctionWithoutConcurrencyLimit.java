package dev.bulwark.rules.combo;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Chains;
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
      List<Exposure.Path> paths = fn.reservedConcurrency().isAbsent()
          ? Exposure.unauthenticatedPaths(model, fn) : List.of();
      paths = paths.stream().filter(p -> !throttled(model, p)).toList();
      if (paths.isEmpty()) {
        continue;
      }
      findings.on(fn).report("Function " + fn.id() + ": " + Chains.reachable(paths)
          + Chains.ARROW + "no reserved concurrency and no stage throttling: anyone can run it"
          + " at the account's full concurrency, starving other functions and running up the bill");
    }
  }

  /** A route whose API's stages all set a throttling rate (unresolved rates count as set). */
  private static boolean throttled(CloudModel model, Exposure.Path path) {
    if (!(path.via() instanceof Route route)) {
      return false;
    }
    Api api = model.apiOf(route).orElse(null);
    List<Stage> stages = api == null ? List.of() : model.stagesOf(api);
    return !stages.isEmpty()
        && stages.stream().noneMatch(s -> s.throttlingRateLimit().isAbsent());
  }
}
