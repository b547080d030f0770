package dev.bulwark.rules.sns;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Topic;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

/** A topic without server-side encryption: SNS does not encrypt messages at rest by default. */
@RuleInfo(
    id = "SNS-001",
    title = "SNS topic is not encrypted at rest",
    severity = Severity.LOW,
    remediation = "Set KmsMasterKeyId to a KMS key (a customer-managed key when AWS services"
        + " publish to the topic).",
    tags = {"sns", "encryption-at-rest"})
public final class UnencryptedTopic implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Topic topic : model.topics()) {
      if (topic.kmsKey().isAbsent()) {
        findings.report(topic, "Topic " + topic.id()
            + " is not encrypted at rest (no KmsMasterKeyId)");
      }
    }
  }
}
