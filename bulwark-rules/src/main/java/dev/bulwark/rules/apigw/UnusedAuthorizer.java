package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Route;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "APIGW-002",
    title = "API authorizer is attached to no route",
    severity = Severity.MEDIUM,
    remediation = "Attach the authorizer to the routes it should protect (or make it the API's default authorizer), or delete it.",
    tags = {"authentication", "api-gateway"})
public final class UnusedAuthorizer implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Api api : model.apis()) {
      List<Route> routes = model.routesOf(api);
      if (!api.routesComplete() || routes.isEmpty()
          || routes.stream().anyMatch(r -> r.authorizer().isUnknown())) {
        continue;
      }
      Set<String> used = new HashSet<>();
      for (Route r : routes) {
        r.authorizer().value().flatMap(Ref::resourceId).ifPresent(used::add);
      }
      long open = routes.stream().filter(Route::isUnauthenticated).count();
      for (Authorizer a : model.authorizersOf(api)) {
        if (!used.contains(a.id())) {
          findings.report(a, "Authorizer " + a.id() + " of API " + api.id()
              + " is attached to none of its " + routes.size() + " routes" + (open > 0
                  ? " (" + open + " of them have no authorization)" : ""));
        }
      }
    }
  }
}
