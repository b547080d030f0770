package dev.bulwark.runtime.internal.event;

import dev.bulwark.runtime.EventSink;
import dev.bulwark.runtime.SecurityEvent;
import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects one invocation's security events and writes them, with CloudWatch Embedded Metric
 * Format counters, when the invocation ends.
 */
public final class EventRecorder {

  private static final Map<String, AttackClass> CLASSES = new TreeMap<>();

  static {
    for (AttackClass c : AttackClass.values()) {
      CLASSES.put(c.label(), c);
    }
  }

  private final Clock clock;
  private final String function;
  private final String requestId;
  private final String sourceIp;
  private final String trigger;
  private final String mode;
  private final List<SecurityEvent> events = new ArrayList<>(2);
  private final Map<String, Integer> attacksByClass = new TreeMap<>();
  private int authFailures;
  private int rateLimited;
  private int blocked;
  private int guardErrors;

  public EventRecorder(
      Clock clock, String function, String requestId, String sourceIp, String trigger, String mode) {
    this.clock = clock;
    this.function = function;
    this.requestId = requestId;
    this.sourceIp = sourceIp;
    this.trigger = trigger;
    this.mode = mode;
  }

  public void record(Finding f, String action) {
    boolean attack = CLASSES.containsKey(f.eventClass());
    String excerpt = Redact.excerpt(f.location(), f.excerpt(), attack ? Redact.MAX_EXCERPT : Redact.MAX_DIAGNOSTIC);
    events.add(
        new SecurityEvent(
            clock.instant(), function, requestId, sourceIp, trigger, f.eventClass(), f.rule(),
            f.location(), excerpt, action, mode));
    String c = f.eventClass();
    if (CLASSES.containsKey(c)) {
      attacksByClass.merge(c, 1, Integer::sum);
    } else if (c.equals("auth")) {
      authFailures++;
    } else if (c.equals("rate-limit") || c.equals("wallet")) {
      rateLimited++;
    } else if (c.equals("guard-error")) {
      guardErrors++;
    }
    if (action.equals("blocked") || action.equals("record-failed") || action.equals("record-dropped")) {
      blocked++;
    }
  }

  public List<SecurityEvent> events() {
    return events;
  }

  /** Writes the events and, when there were any, the metric documents. */
  public void flush(EventSink sink) {
    if (events.isEmpty()) {
      return;
    }
    for (SecurityEvent e : events) {
      sink.write(e.toJson());
    }
    long now = clock.millis();
    int attacks = attacksByClass.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder b = new StringBuilder(400);
    List<String> names = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    add(names, values, "Attacks", attacks);
    add(names, values, "AuthFailures", authFailures);
    add(names, values, "RateLimited", rateLimited);
    add(names, values, "Blocked", blocked);
    add(names, values, "GuardErrors", guardErrors);
    if (!names.isEmpty()) {
      emf(b, now, List.of("function"), names, values, null);
      sink.write(b.toString());
    }
    for (Map.Entry<String, Integer> e : attacksByClass.entrySet()) {
      b.setLength(0);
      emf(b, now, List.of("function", "attackClass"), List.of("Attacks"), List.of(e.getValue()), e.getKey());
      sink.write(b.toString());
    }
  }

  private static void add(List<String> names, List<Integer> values, String name, int v) {
    if (v > 0) {
      names.add(name);
      values.add(v);
    }
  }

  private void emf(
      StringBuilder b, long now, List<String> dims, List<String> names, List<Integer> values,
      @org.jspecify.annotations.Nullable String attackClass) {
    b.append("{\"_aws\":{\"Timestamp\":").append(now)
        .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"Bulwark\",\"Dimensions\":[");
    Json.write(b, dims);
    b.append("],\"Metrics\":[");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"Name\":\"").append(names.get(i)).append("\",\"Unit\":\"Count\"}");
    }
    b.append("]}]},\"function\":");
    Json.quote(b, function);
    if (attackClass != null) {
      b.append(",\"attackClass\":");
      Json.quote(b, attackClass);
    }
    for (int i = 0; i < names.size(); i++) {
      b.append(",\"").append(names.get(i)).append("\":").append(values.get(i));
    }
    b.append('}');
  }
}
