package dev.bulwark.rules.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

  private final ModelKit k = new ModelKit();

  private Queue queue(String id, Attr<Boolean> sse, Attr<Ref> key, Attr<Ref> dlq) {
    return new Queue(k.meta(id, "AWS::SQS::Queue"), k.absent(), sse, key, dlq, k.absent());
  }

  private Queue plain(String id) {
    return queue(id, k.defaulted(true), k.absent(), k.absent());
  }

  @Test
  void reportsOnlyAnExplicitlyDisabledSseWithoutKey() {
    Attr<Boolean> off = k.of(false);
    List<Finding> found = ModelKit.run(new UnencryptedQueue(),
        queue("Off", off, k.absent(), k.absent()),
        queue("OffWithKey", k.of(false), k.ref("Key"), k.absent()),
        plain("Default"),
        queue("Param", k.unknown("ManagedSse"), k.absent(), k.absent()));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.resource().id()).isEqualTo("Off");
      assertThat(f.location()).isEqualTo(off.location());
    });
  }

  @Test
  void exemptsDeadLetterQueuesByRelationOrByName() {
    Queue main = queue("Orders", k.defaulted(true), k.absent(), k.ref("OrdersFailures"));
    List<Finding> found = ModelKit.run(new QueueWithoutDeadLetterQueue(), main,
        plain("OrdersFailures"), plain("PaymentsDLQ"), plain("audit-dead-letter"),
        plain("Ingest"), queue("Unresolved", k.defaulted(true), k.absent(), k.unknown("Redrive")));
    assertThat(found).extracting(f -> f.resource().id()).containsExactly("Ingest");
    assertThat(found.get(0).message()).startsWith("Queue Ingest has no dead-letter queue");
  }

  @Test
  void exemptsAQueueNamedAsDeadLetterQueueByItsQueueName() {
    Queue named = new Queue(k.meta("Failures", "AWS::SQS::Queue"), k.of("orders-dlq"),
        k.defaulted(true), k.absent(), k.absent(), k.absent());
    assertThat(ModelKit.run(new QueueWithoutDeadLetterQueue(), named)).isEmpty();
  }

  @Test
  void reportsEachOpenStatementOfAQueuePolicyWithItsKey() {
    ResourcePolicy policy = new ResourcePolicy(k.meta("OrdersPolicy", "AWS::SQS::QueuePolicy"),
        k.policy(
            k.map("Sid", "Open", "Effect", "Allow", "Principal", "*", "Action", "sqs:SendMessage"),
            k.map("Effect", "Allow", "Principal", k.map("AWS", "*"), "Action", "sqs:*",
                "Condition", k.map("StringEquals", k.map("aws:SourceAccount", "111122223333"))),
            k.map("Effect", "Allow", "Principal", "*", "Action", "sqs:ReceiveMessage")),
        List.of(k.ref("Orders"), k.of(Ref.literal("https://sqs.eu-west-1.amazonaws.com/1/x"))));
    List<Finding> found = ModelKit.run(new PublicQueuePolicy(), plain("Orders"), policy);
    assertThat(found).extracting(Finding::key).containsExactly("Open", "#3");
    assertThat(found.get(0).message()).isEqualTo("Queue policy OrdersPolicy (queues Orders,"
        + " https://sqs.eu-west-1.amazonaws.com/1/x): statement 'Open' allows sqs:SendMessage to"
        + " everyone without a restricting condition");
    assertThat(found.get(0).location())
        .isEqualTo(policy.document().get().statements().get(0).location());
  }

  @Test
  void ignoresPoliciesOfOtherServices() {
    ResourcePolicy topicPolicy = new ResourcePolicy(k.meta("P", "AWS::SNS::TopicPolicy"),
        k.policy(k.map("Effect", "Allow", "Principal", "*", "Action", "sns:Publish")),
        List.of(k.ref("T")));
    assertThat(ModelKit.run(new PublicQueuePolicy(), topicPolicy)).isEmpty();
  }
}
