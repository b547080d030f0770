package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.RequestValidator;
import dev.bulwark.model.Route;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A REST API that takes request bodies (some POST, PUT, PATCH or ANY method) while none of its
 * methods validates its requests.
 */
@RuleInfo(
    id = "APIGW-003",
    title = "REST API does not validate requests",
    severity = Severity.LOW,
    remediation = "Attach a request validator, with request models for bodies, to the API's"
        + " methods.",
    tags = {"api", "input-validation"})
public final class RestApiWithoutRequestValidation implements Rule {

  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Api api : model.apis()) {
      if (api.kind() != ApiKind.REST || !api.routesComplete()) {
        continue;
      }
      List<Route> methods = model.routesOf(api).stream()
          .filter(r -> !r.method().is(m -> m.equalsIgnoreCase("OPTIONS")))
          .toList();
      boolean takesBodies = methods.stream().anyMatch(
          r -> r.method().mayBe(m -> !WITHOUT_BODY.contains(m.toUpperCase(Locale.ROOT))));
      if (takesBodies && methods.stream().allMatch(r -> validatesNothing(model, r))) {
        String which = methods.size() == 1
            ? "its only method does not validate requests"
            : "none of its " + methods.size() + " methods validates requests";
        findings.report(api, "REST API " + api.id() + ": " + which
            + " (no request validator or validated request model)");
      }
    }
  }

  private static boolean validatesNothing(CloudModel model, Route route) {
    if (!route.requestModelValidated().isAbsentOr(v -> !v)) {
      return false;
    }
    Attr<Ref> validator = route.requestValidator();
    if (validator.isAbsent()) {
      return true;
    }
    Optional<RequestValidator> v = model.resolve(validator, RequestValidator.class);
    return v.isPresent()
        && v.get().validateBody().isAbsentOr(b -> !b)
        && v.get().validateParameters().isAbsentOr(b -> !b);
  }
}
