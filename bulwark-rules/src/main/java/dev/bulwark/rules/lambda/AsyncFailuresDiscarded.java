package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Function;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Locale;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-013",
    title = "Async-invoked function has no dead-letter queue or on-failure destination",
    severity = Severity.MEDIUM,
    remediation =
        "Give the function a DeadLetterQueue or an EventInvokeConfig OnFailure destination.",
    tags = {"reliability", "async"})
public final class AsyncFailuresDiscarded implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      Optional<String> source = asyncSource(model, fn);
      if (source.isEmpty() || !fn.deadLetterTarget().isAbsent()) {
        continue;
      }
      boolean destination = false;
      for (AsyncInvokeConfig c : model.asyncConfigsOf(fn)) {
        destination |= !c.onFailure().isAbsent();
      }
      if (!destination) {
        findings.report(fn, fn.deadLetterTarget(), "Function " + fn.id()
            + " is invoked asynchronously by " + source.get()
            + " but has no dead-letter queue or on-failure destination: events that fail every"
            + " retry are dropped");
      }
    }
  }

  /** The first enabled asynchronous event source of {@code fn}, described for the message. */
  private static Optional<String> asyncSource(CloudModel model, Function fn) {
    for (Trigger t : model.triggersOf(fn)) {
      if (t.kind().isAsync() && !t.enabled().isEqualTo(false)) {
        return Optional.of(describe(t.kind()) + " " + beforeHash(t.id()));
      }
    }
    for (EventRule rule : model.rulesTargeting(fn)) {
      if (!rule.state().is(s -> s.equalsIgnoreCase("DISABLED"))) {
        return Optional.of("EventBridge rule " + rule.id());
      }
    }
    return Optional.empty();
  }

  private static String describe(TriggerKind kind) {
    return switch (kind) {
      case S3 -> "S3 notification";
      case SNS -> "SNS subscription";
      case EVENTBRIDGE -> "EventBridge rule";
      case SCHEDULE -> "schedule";
      case CLOUDWATCH_LOGS -> "CloudWatch Logs subscription";
      case IOT -> "IoT rule";
      default -> kind.name().toLowerCase(Locale.ROOT) + " trigger";
    };
  }

  private static String beforeHash(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}
