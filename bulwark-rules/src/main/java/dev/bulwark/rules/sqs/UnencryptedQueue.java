package dev.bulwark.rules.sqs;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Queue;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/**
 * A queue with server-side encryption turned off. SSE-SQS is on by default, so only an explicit
 * {@code SqsManagedSseEnabled: false} without a KMS key leaves messages unencrypted.
 */
@RuleInfo(
    id = "SQS-001",
    title = "SQS queue has server-side encryption disabled",
    severity = Severity.MEDIUM,
    remediation = "Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId to a KMS key.",
    tags = {"sqs", "encryption-at-rest"})
public final class UnencryptedQueue implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Queue queue : model.queues()) {
      if (queue.sqsManagedSse().is(sse -> !sse) && queue.kmsKey().isAbsent()) {
        findings.report(queue, Where.of(queue, queue.sqsManagedSse()), "Queue " + queue.id()
            + ": SqsManagedSseEnabled is false and no KmsMasterKeyId is set, so messages are"
            + " stored unencrypted");
      }
    }
  }
}
