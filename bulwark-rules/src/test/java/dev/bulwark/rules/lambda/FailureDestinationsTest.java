package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.absent;
import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.meta;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LAMBDA-013 and LAMBDA-014: failed events must go somewhere. */
class FailureDestinationsTest {

  private static Trigger trigger(String id, TriggerKind kind, String fn, Attr<Ref> onFailure,
      Attr<Boolean> enabled, int line) {
    return new Trigger(meta(id, "AWS::Lambda::EventSourceMapping", line), kind,
        Attr.of(Ref.to(fn), Models.at(line)), absent(line), onFailure, absent(line), enabled);
  }

  private static Trigger trigger(String id, TriggerKind kind, String fn, int line) {
    return trigger(id, kind, fn, absent(line), Attr.defaulted(true, Models.at(line)), line);
  }

  private static EventRule rule(String id, String fn, Attr<String> state, int line) {
    return new EventRule(meta(id, "AWS::Events::Rule", line), absent(line), absent(line), state,
        List.of(new EventRule.Target(Attr.of("t", Models.at(line)),
            Attr.of(Ref.to(fn), Models.at(line + 1)), absent(line), absent(line),
            Models.at(line))));
  }

  @Test
  void reportsAnS3TriggeredFunctionWithoutDeadLetterQueueOnTheFunction() {
    CloudModel m = model(function("Thumbnail", 10).build(),
        trigger("ThumbnailUpload", TriggerKind.S3, "Thumbnail", 20));

    List<Finding> found = run(new AsyncFailuresDiscarded(), m);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(10);
      assertThat(f.message()).isEqualTo("Function Thumbnail is invoked asynchronously by S3"
          + " notification ThumbnailUpload but has no dead-letter queue or on-failure"
          + " destination: events that fail every retry are dropped");
    });
  }

  @Test
  void namesAnEventBridgeTriggerByItsRuleWithoutTheTargetId() {
    CloudModel m = model(function("Audit", 10).build(),
        trigger("AuditRule#audit", TriggerKind.EVENTBRIDGE, "Audit", 20));

    assertThat(run(new AsyncFailuresDiscarded(), m)).singleElement()
        .extracting(Finding::message).asString().contains("by EventBridge rule AuditRule but");
  }

  @Test
  void reportsAFunctionTargetedByAnEventBridgeRule() {
    CloudModel m = model(function("Audit", 10).build(),
        rule("AuditRule", "Audit", Attr.defaulted("ENABLED", Models.at(30)), 30));

    assertThat(run(new AsyncFailuresDiscarded(), m)).singleElement()
        .extracting(Finding::message).asString().contains("by EventBridge rule AuditRule");
  }

  @Test
  void acceptsADeadLetterQueueOrAnOnFailureDestinationEvenWhenUnresolved() {
    CloudModel withDlq = model(
        function("A", 10).deadLetter(Attr.of(Ref.to("Dlq"), Models.at(12))).build(),
        trigger("AUpload", TriggerKind.SNS, "A", 20));
    CloudModel withDestination = model(function("B", 10).build(),
        trigger("BUpload", TriggerKind.S3, "B", 20),
        new AsyncInvokeConfig(meta("BConfig", "AWS::Lambda::EventInvokeConfig", 30),
            Attr.of(Ref.to("B"), Models.at(31)), absent(30),
            Models.unknown(33, "${FailureTopicArn}"), absent(30), absent(30), absent(30)));

    assertThat(run(new AsyncFailuresDiscarded(), withDlq)).isEmpty();
    assertThat(run(new AsyncFailuresDiscarded(), withDestination)).isEmpty();
  }

  @Test
  void ignoresDisabledSourcesAndSynchronousOrPollingOnes() {
    CloudModel m = model(function("F", 10).build(),
        rule("Retired", "F", Attr.of("DISABLED", Models.at(31)), 30),
        trigger("Off", TriggerKind.SNS, "F", absent(40), Attr.of(false, Models.at(41)), 40),
        trigger("Queue", TriggerKind.SQS, "F", 50),
        trigger("Alb", TriggerKind.ALB, "F", 60));

    assertThat(run(new AsyncFailuresDiscarded(), m)).isEmpty();
  }

  @Test
  void reportsStreamAndKafkaMappingsWithoutDestinationOnTheMapping() {
    CloudModel m = model(function("Consumer", 10).build(),
        trigger("Clicks", TriggerKind.KINESIS, "Consumer", 20),
        trigger("Orders", TriggerKind.DYNAMODB, "Consumer", 30),
        trigger("Payments", TriggerKind.KAFKA, "Consumer", 40),
        trigger("Jobs", TriggerKind.SQS, "Consumer", 50),
        trigger("Kept", TriggerKind.KINESIS, "Consumer",
            Attr.of(Ref.to("FailedClicks"), Models.at(61)), Attr.defaulted(true, Models.at(60)),
            60),
        trigger("Paused", TriggerKind.DYNAMODB, "Consumer", absent(70),
            Attr.of(false, Models.at(71)), 70));

    List<Finding> found = run(new StreamFailuresDiscarded(), m);

    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(20, 30, 40);
    assertThat(found.get(0).message()).startsWith(
        "Kinesis event source mapping Clicks for function Consumer has no on-failure destination");
    assertThat(found.get(2).message()).startsWith("Kafka event source mapping Payments");
  }
}
