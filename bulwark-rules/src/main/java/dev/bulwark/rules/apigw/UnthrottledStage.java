package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.model.UsagePlan;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.List;
import java.util.Optional;

/**
 * A stage without a throttling limit the team chose: the account-wide default (10,000 requests
 * per second) lets one caller run up the bill of every function behind the API.
 */
@RuleInfo(
    id = "APIGW-004",
    title = "API stage has no throttling limit",
    severity = Severity.MEDIUM,
    remediation = "Set a stage-wide rate and burst limit, or a usage plan throttle, sized to the"
        + " API's expected traffic.",
    tags = {"api", "denial-of-wallet", "availability"})
public final class UnthrottledStage implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      Optional<Api> api = model.apiOf(stage);
      if (api.isEmpty()
          || chosen(stage.throttlingRateLimit())
          || chosen(stage.throttlingBurstLimit())
          || usagePlanMayThrottle(model, api.get())) {
        continue;
      }
      List<String> plans = model.usagePlansOf(api.get()).stream().map(UsagePlan::id).toList();
      String why = plans.isEmpty() ? "no stage rate or burst limit, no usage plan"
          : "no stage rate or burst limit; usage plan " + String.join(", ", plans)
              + " sets no throttle";
      // a private API is reachable only from VPC endpoints: a flood is an internal accident
      boolean internal = api.get().isPrivate();
      findings.on(stage).severity(internal ? Severity.LOW : Severity.MEDIUM)
          .report(ApiStages.describe(model, stage) + (internal ? " (private API)" : "")
              + ": no throttling limit (" + why + "), so only the account-wide default of"
              + " 10,000 requests per second applies");
    }
  }

  /** Written in the source (or unresolved), and not the "no limit" value -1. */
  private static boolean chosen(Attr<? extends Number> limit) {
    return limit.isExplicit() && !limit.is(v -> v.doubleValue() < 0);
  }

  private static boolean usagePlanMayThrottle(CloudModel model, Api api) {
    for (UsagePlan plan : model.usagePlans()) {
      boolean forApi = model.usagePlansOf(api).contains(plan)
          || plan.apis().stream().anyMatch(Attr::isUnknown);
      if (forApi && (chosen(plan.throttlingRateLimit()) || chosen(plan.throttlingBurstLimit()))) {
        return true;
      }
    }
    return false;
  }
}
