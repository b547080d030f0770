package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Route;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Refs;
import java.util.List;

@RuleInfo(
    id = "APIGW-001",
    title = "API route has no authorization",
    severity = Severity.MEDIUM,
    remediation = "Attach an authorizer or AWS_IAM authorization to the route, or suppress the finding with the reason the route is public.",
    tags = {"exposure", "authentication", "api-gateway"})
public final class RouteWithoutAuthorization implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Route route : model.routes()) {
      Api api = model.apiOf(route).orElse(null);
      boolean webSocketMessage = api != null && api.kind() == ApiKind.WEBSOCKET
          && !route.path().isEqualTo("$connect");
      if (api == null || webSocketMessage || !route.isUnauthenticated()
          || Exposure.openRoute(model, route).isEmpty()) {
        continue;
      }
      StringBuilder msg = new StringBuilder("Route " + Exposure.routeName(route) + " of API "
          + api.id() + " has no authorization");
      if (route.integrationFunction().isPresent()) {
        msg.append(" (invokes function ").append(Refs.name(route.integrationFunction()))
            .append(')');
      }
      List<String> authorizers = model.authorizersOf(api).stream().map(Authorizer::id).toList();
      if (!authorizers.isEmpty()) {
        msg.append("; the API's authorizer ").append(String.join(", ", authorizers))
            .append(" does not apply to it");
      }
      if (route.apiKeyRequired().isEqualTo(true)) {
        msg.append("; an API key is required, but API keys identify callers, they do not"
            + " authenticate them");
      }
      findings.report(route, route.authorizationType(), msg.toString());
    }
  }
}
