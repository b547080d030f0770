package dev.bulwark.runtime.inspect;

import dev.bulwark.runtime.Protection;
import dev.bulwark.runtime.Verdict;
import dev.bulwark.runtime.internal.decode.Strings;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Objects;

/**
 * Runs decoding, validation and detection on recorded Lambda events — no handler, no network —
 * and prints one verdict per event as a JSON line. This is {@code bulwark inspect}: what users
 * run to understand a block or to replay logged events.
 *
 * <pre>{@code
 * Inspector inspector = new Inspector(Protection.builder().build());
 * String verdict = inspector.inspect("{\"rawPath\":\"/x\",\"version\":\"2.0\"}");
 * Inspector.Summary s = inspector.inspectAll(new StringReader(events), new StringWriter());
 * }</pre>
 */
public final class Inspector {

  /**
   * Counts of one run.
   *
   * @param events events inspected
   * @param blocked events block mode would reject (wholly or some records)
   * @param errors lines that were not JSON
   */
  public record Summary(int events, int blocked, int errors) {}

  private final Protection protection;

  public Inspector(Protection protection) {
    this.protection = Objects.requireNonNull(protection, "protection");
  }

  /** An inspector with the built-in detectors and default limits. */
  public static Inspector withDefaults() {
    return new Inspector(Protection.builder().build());
  }

  /** The verdict on one event, as a JSON line. */
  public String inspect(String eventJson) {
    return protection.inspect(eventJson).toJson();
  }

  /**
   * Inspects the events read from {@code in}: one JSON document, or JSON lines (one event per
   * line; blank lines skipped). Writes one verdict line per event; in JSON-lines input each verdict
   * starts with the line number, and a line that is not JSON gives {@code {"line":n,"error":…}}.
   * and the rest goes on. Input without a line that is an event on its own is one document: when it
   * does not parse, a single {@code {"error":…}} names the line and column in the whole input.
   */
  public Summary inspectAll(Reader in, Writer out) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      text.append(buf, 0, n);
    }
    String all = text.toString();
    boolean single;
    JsonException whole = null;
    try {
      single = !all.isBlank() && Json.parse(all) != null;
    } catch (JsonException e) {
      single = false;
      whole = e;
    }
    if (whole != null && !hasJsonObjectLine(all)) {
      // one document that is broken (a pretty-printed event with a mistake), not JSON lines: the
      // document's own error, whose line and column are the file's
      StringBuilder b = new StringBuilder("{\"error\":");
      Json.quote(b, "not JSON: " + whole.getMessage());
      out.write(b.append("}\n").toString());
      out.flush();
      return new Summary(0, 0, 1);
    }
    if (single) {
      Verdict v = protection.inspect(all);
      out.write(v.toJson());
      out.write('\n');
      out.flush();
      return new Summary(1, v.blocked() ? 1 : 0, 0);
    }
    int events = 0;
    int blocked = 0;
    int errors = 0;
    int lineNo = 0;
    for (String line : Strings.lines(all)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        Json.parse(line);
      } catch (JsonException e) {
        errors++;
        StringBuilder b = new StringBuilder("{\"line\":").append(lineNo).append(",\"error\":");
        // the line number is the input's; within one line only the column says more
        String why = String.valueOf(e.getMessage());
        Json.quote(b, "not JSON: " + (why.startsWith("line 1, ") ? why.substring(8) : why));
        out.write(b.append("}\n").toString());
        continue;
      }
      events++;
      Verdict v = protection.inspect(line);
      if (v.blocked()) {
        blocked++;
      }
      out.write("{\"line\":" + lineNo + "," + v.toJson().substring(1));
      out.write('\n');
    }
    out.flush();
    return new Summary(events, blocked, errors);
  }

  /**
   * True when some line is an event (a JSON object) on its own: JSON lines, possibly with broken
   * lines. A pretty-printed document has no such line: its lines are fragments.
   */
  private static boolean hasJsonObjectLine(String all) {
    for (String line : Strings.lines(all)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        if (Json.parse(line) instanceof java.util.Map) {
          return true;
        }
      } catch (JsonException e) {
        // a fragment or a broken line: look further
      }
    }
    return false;
  }
}
