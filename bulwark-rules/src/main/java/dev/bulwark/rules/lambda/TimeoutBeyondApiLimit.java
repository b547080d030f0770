package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Route;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-016",
    title = "Function timeout is longer than the API integration timeout",
    severity = Severity.LOW,
    remediation =
        "Lower the function's Timeout to the API's integration timeout, or make the work "
        + "asynchronous.",
    tags = {"cost", "reliability", "denial-of-wallet"})
public final class TimeoutBeyondApiLimit implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      Route tightest = null;
      int limit = Integer.MAX_VALUE;
      for (Route route : model.routesTo(fn)) {
        if (!waitedFor(model, route)) {
          continue;
        }
        Optional<Integer> millis = limitOf(model, route);
        if (millis.isPresent() && millis.get() < limit) {
          limit = millis.get();
          tightest = route;
        }
      }
      int limitMillis = limit;
      if (tightest != null && fn.timeout().is(seconds -> seconds * 1000L > limitMillis)) {
        String api = model.apiOf(tightest).map(Api::id).orElse(tightest.api().shape());
        // the cost of a 504 grows with how long the function may run after it
        boolean farBeyond = fn.timeout().is(seconds -> seconds * 1000L > 2L * limitMillis);
        findings.on(fn).at(fn.timeout()).severity(farBeyond ? Severity.MEDIUM : Severity.LOW)
            .report("Function " + fn.id() + ": timeout "
            + fn.timeout().shape() + " s is longer than the " + seconds(limitMillis)
            + " s integration timeout of " + api + " " + Exposure.routeName(tightest)
            + ": clients get a 504 while the function keeps running and billing");
      }
    }
  }

  /**
   * True when a caller certainly waits on the route for the function to finish: not an
   * asynchronous ({@code Event}) or streaming integration, and on a WebSocket API only {@code
   * $connect} (other routes' functions answer through the connection, whenever they finish).
   */
  private static boolean waitedFor(CloudModel model, Route route) {
    if (!route.waitsForResponse()) {
      return false;
    }
    boolean webSocket = model.apiOf(route).map(a -> a.kind() == ApiKind.WEBSOCKET).orElse(false);
    return !webSocket || route.path().isEqualTo("$connect");
  }

  /** The route's explicit integration timeout, else its API kind's maximum; empty if unknown. */
  private static Optional<Integer> limitOf(CloudModel model, Route route) {
    if (route.integrationTimeoutMillis().isPresent()) {
      return route.integrationTimeoutMillis().value();
    }
    if (route.integrationTimeoutMillis().isUnknown()) {
      return Optional.empty();
    }
    return model.apiOf(route).map(a -> a.kind().maxIntegrationTimeoutMillis());
  }

  private static String seconds(int millis) {
    return millis % 1000 == 0 ? Integer.toString(millis / 1000)
        : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
  }
}
