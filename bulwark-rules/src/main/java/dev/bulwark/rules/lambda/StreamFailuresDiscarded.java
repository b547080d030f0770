package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Trigger;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LAMBDA-014",
    title = "Stream or Kafka event source mapping has no on-failure destination",
    severity = Severity.MEDIUM,
    remediation =
        "Set DestinationConfig OnFailure on the event source mapping to a queue, topic or "
        + "bucket.",
    tags = {"reliability", "streams"})
public final class StreamFailuresDiscarded implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Trigger t : model.triggers()) {
      if (!t.kind().supportsOnFailureDestination() || !t.onFailure().isAbsent()
          || t.enabled().isEqualTo(false)) {
        continue;
      }
      String function = model.function(t.function()).map(f -> f.id()).orElse(t.function().shape());
      findings.report(t, describe(t) + " " + t.id() + " for function " + function
          + " has no on-failure destination: records that keep failing hold up their shard or"
          + " partition until they expire or run out of retries, then are lost");
    }
  }

  private static String describe(Trigger t) {
    return switch (t.kind()) {
      case KINESIS -> "Kinesis event source mapping";
      case DYNAMODB -> "DynamoDB stream event source mapping";
      default -> "Kafka event source mapping";
    };
  }
}
