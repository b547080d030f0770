package dev.bulwark.runtime;

import dev.bulwark.runtime.internal.json.Json;
import java.util.List;

/**
 * What Bulwark would do with one event, without running a handler: the trigger, how many values
 * it inspected, the security events, and whether block mode would reject the invocation (and
 * with which status) or some of its batch records.
 *
 * <pre>{@code
 * Verdict v = Protection.builder().build().inspect(eventJson);
 * if (v.blocked()) {
 *   System.out.println(v.toJson());
 * }
 * }</pre>
 *
 * @param trigger the recognised trigger
 * @param inputs number of decoded values inspected
 * @param status the HTTP-like status block mode would answer, 0 when it would let it through
 * @param rejectedRecords ids of batch records block mode would reject
 * @param events the security events, redacted
 */
public record Verdict(
    Trigger trigger, int inputs, int status, List<String> rejectedRecords, List<SecurityEvent> events) {

  public Verdict {
    rejectedRecords = List.copyOf(rejectedRecords);
    events = List.copyOf(events);
  }

  /** True when block mode would reject the invocation or any of its records. */
  public boolean blocked() {
    return status != 0 || !rejectedRecords.isEmpty();
  }

  /**
   * One JSON line: {@code {"trigger":…,"verdict":"block"|"allow","status":…,"inputs":…,
   * "rejectedRecords":[…],"events":[{"class":…,"rule":…,"location":…,"excerpt":…}]}}.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"trigger\":");
    Json.quote(b, trigger.label());
    b.append(",\"verdict\":\"").append(blocked() ? "block" : "allow").append('"');
    b.append(",\"status\":").append(status);
    b.append(",\"inputs\":").append(inputs);
    b.append(",\"rejectedRecords\":");
    Json.write(b, rejectedRecords);
    b.append(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      SecurityEvent e = events.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"class\":");
      Json.quote(b, e.eventClass());
      b.append(",\"rule\":");
      Json.quote(b, e.rule());
      b.append(",\"location\":");
      Json.quote(b, e.location());
      b.append(",\"excerpt\":");
      Json.quote(b, e.excerpt());
      b.append('}');
    }
    return b.append("]}").toString();
  }
}
