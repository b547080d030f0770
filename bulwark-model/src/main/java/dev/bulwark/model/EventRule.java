package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An EventBridge rule (`AWS::Events::Rule`) or EventBridge Scheduler schedule
 (`AWS::Scheduler::Schedule`), with its targets.
 */
public record EventRule(
    ResourceMeta meta,
    Attr<Ref> bus,
    Attr<String> scheduleExpression,
    Attr<String> state,
    List<Target> targets) implements Resource {

  public EventRule {
    targets = List.copyOf(targets);
  }

  /** One target of a rule: what it invokes and where failed deliveries go. */
  public record Target(
      Attr<String> id,
      Attr<Ref> arn,
      Attr<Ref> deadLetterQueue,
      Attr<Integer> maximumRetryAttempts,
      SourceLocation location) {}
}
