package dev.bulwark.rules.support;

import dev.bulwark.model.Api;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.UsagePlan;
import java.util.List;

/**
 * Unauthenticated paths to a function that nothing caps: the function sets no reserved
 * concurrency, and the path is a function URL, an open permission, or a route of an API with a
 * stage that sets no throttling rate (unless the route requires an API key and every usage plan
 * of the API throttles). COMBO-003 reports these functions; LAMBDA-015 leaves them
 * to it, so that one missing setting gives one finding.
 *
 * <pre>{@code
 * List<Exposure.Path> paths = UncappedPaths.of(model, fn);
 * if (!paths.isEmpty()) {
 *   // anyone can run fn at the account's full concurrency
 * }
 * }</pre>
 */
public final class UncappedPaths {

  private UncappedPaths() {}

  /** The uncapped unauthenticated paths to {@code fn}; empty when it has a reserved concurrency. */
  public static List<Exposure.Path> of(CloudModel model, Function fn) {
    if (!fn.reservedConcurrency().isAbsent()) {
      return List.of();
    }
    return Exposure.unauthenticatedPaths(model, fn).stream()
        .filter(p -> !throttled(model, p))
        .toList();
  }

  /**
   * A route whose API's stages all set a throttling rate, or that requires an API key of an API
   * whose usage plans all throttle (every caller then needs a key, and every key is capped).
   * Unresolved limits count as set.
   */
  private static boolean throttled(CloudModel model, Exposure.Path path) {
    if (!(path.via() instanceof Route route)) {
      return false;
    }
    Api api = model.apiOf(route).orElse(null);
    if (api == null) {
      return false;
    }
    List<Stage> stages = model.stagesOf(api);
    if (!stages.isEmpty() && stages.stream().noneMatch(s -> s.throttlingRateLimit().isAbsent())) {
      return true;
    }
    List<UsagePlan> plans = model.usagePlansOf(api);
    return route.apiKeyRequired().isEqualTo(true) && !plans.isEmpty()
        && plans.stream().allMatch(p -> !p.throttlingRateLimit().isAbsent()
            || !p.throttlingBurstLimit().isAbsent());
  }
}
