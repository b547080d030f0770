package dev.bulwark.rules.sqs;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Queue;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Locale;

/**
 * A queue without a redrive policy. Queues that are themselves dead-letter targets (of a queue,
 * a function, an event source mapping or an EventBridge target), or named as one, are exempt.
 */
@RuleInfo(
    id = "SQS-003",
    title = "SQS queue has no dead-letter queue",
    severity = Severity.LOW,
    remediation = "Add a RedrivePolicy with a deadLetterTargetArn and a maxReceiveCount.",
    tags = {"sqs", "resilience"})
public final class QueueWithoutDeadLetterQueue implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Queue queue : model.queues()) {
      if (queue.deadLetterTarget().isAbsent()
          && !model.isDeadLetterTarget(queue)
          && !namedAsDeadLetterQueue(queue)) {
        findings.report(queue, "Queue " + queue.id() + " has no dead-letter queue: a message that"
            + " keeps failing is retried until it expires, then lost");
      }
    }
  }

  /** {@code OrdersDLQ}, {@code orders-dead-letter-queue}: a DLQ for something outside the model. */
  private static boolean namedAsDeadLetterQueue(Queue queue) {
    StringBuilder letters = new StringBuilder();
    for (String name : new String[] {queue.id(), queue.name().orElse("")}) {
      name.toLowerCase(Locale.ROOT).chars().filter(Character::isLetterOrDigit)
          .forEach(letters::appendCodePoint);
      letters.append(' ');
    }
    String names = letters.toString();
    return names.contains("dlq") || names.contains("deadletter");
  }
}
