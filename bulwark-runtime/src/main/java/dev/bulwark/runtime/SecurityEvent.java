package dev.bulwark.runtime;

import dev.bulwark.runtime.internal.json.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * One security event, written as one JSON line (see {@link #toJson()} and {@code docs/runtime.md}
 * for the schema). Values are already redacted: no token, cookie, password or key appears here.
 *
 * @param time when the event happened
 * @param function the Lambda function name ({@code "-"} outside Lambda)
 * @param requestId the Lambda request id
 * @param sourceIp the client's address when the trigger has one, else {@code ""}
 * @param trigger the trigger label ({@code apigateway-http})
 * @param eventClass what kind of event: an attack class label ({@code sql-injection}) or {@code
 *     auth}, {@code validation}, {@code rate-limit}, {@code wallet}, {@code detection-budget},
 *     {@code decode}, {@code guard-error}
 * @param rule the rule that fired ({@code sqli.tautology}, {@code jwt.expired})
 * @param location where in the event ({@code query.id}), {@code ""} for the whole invocation
 * @param excerpt a short redacted excerpt, {@code ""} when there is none
 * @param action {@code blocked}, {@code monitored}, {@code record-failed}, {@code record-dropped},
 *     {@code logged} or {@code skipped}
 * @param mode {@code monitor} or {@code block}
 *
 * <pre>{@code
 * SecurityEvent e = new SecurityEvent(Instant.EPOCH, "orders", "req-1", "203.0.113.9",
 *     "apigateway-http", "sql-injection", "sqli.union", "query.id", "1 UNION SELECT",
 *     "blocked", "block");
 * String line = e.toJson();
 * }</pre>
 */
public record SecurityEvent(
    Instant time,
    String function,
    String requestId,
    String sourceIp,
    String trigger,
    String eventClass,
    String rule,
    String location,
    String excerpt,
    String action,
    String mode) {

  public SecurityEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(eventClass, "eventClass");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * The event as one JSON line: {@code {"bulwark":"security-event","time":…,"function":…,
   * "requestId":…,"sourceIp":…,"trigger":…,"class":…,"rule":…,"location":…,"excerpt":…,
   * "action":…,"mode":…}}.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"bulwark\":\"security-event\",\"time\":");
    Json.quote(b, time.toString());
    field(b, "function", function);
    field(b, "requestId", requestId);
    field(b, "sourceIp", sourceIp);
    field(b, "trigger", trigger);
    field(b, "class", eventClass);
    field(b, "rule", rule);
    field(b, "location", location);
    field(b, "excerpt", excerpt);
    field(b, "action", action);
    field(b, "mode", mode);
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(",\"").append(name).append("\":");
    Json.quote(b, value);
  }
}
