package dev.bulwark.rules.events;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Ref;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

/**
 * A target of an enabled EventBridge rule or schedule without a dead-letter queue: events that
 * cannot be delivered (missing permission, throttling, deleted target) are dropped after the
 * retries.
 */
@RuleInfo(
    id = "EVENTS-002",
    title = "EventBridge target has no dead-letter queue",
    severity = Severity.LOW,
    remediation = "Give the target a DeadLetterConfig with an SQS queue.",
    tags = {"eventbridge", "resilience"})
public final class EventTargetWithoutDeadLetterQueue implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (EventRule rule : model.eventRules()) {
      if (rule.state().is(s -> s.equalsIgnoreCase("DISABLED"))) {
        continue;
      }
      String kind = rule.type().startsWith("AWS::Scheduler::") ? "Schedule " : "Rule ";
      for (EventRule.Target target : rule.targets()) {
        if (target.deadLetterQueue().isAbsent()) {
          String to = target.arn().value().flatMap(Ref::resourceId)
              .orElse(target.arn().shape());
          findings.on(rule).at(target.location()).key(target.id().orElse(to))
              .report(kind + rule.id() + ": target " + to + " has no dead-letter queue, so"
                  + " events that cannot be delivered are dropped after the retries");
        }
      }
    }
  }
}
