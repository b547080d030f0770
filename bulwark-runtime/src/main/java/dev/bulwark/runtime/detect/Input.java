package dev.bulwark.runtime.detect;

import java.util.Objects;

/**
 * One user-controlled value taken from an event, after decoding. The runtime core produces them;
 * tests and other callers can make their own:
 *
 * <pre>{@code
 * Input query = Input.value("query.id", "42");
 * Input header = new Input("header.user-agent", "curl/8.5.0", Input.Kind.HEADER);
 * Input key = new Input("body.$.filter", "filter", Input.Kind.KEY);
 * }</pre>
 *
 * @param location where it sits in the event: {@code query.id}, {@code header.user-agent}, {@code
 *     body.$.items[2].name}, {@code records[3].body.$.sql}
 * @param value the decoded text
 * @param kind whether this is a value, an object key / parameter name, or a header
 */
public record Input(String location, String value, Kind kind) {

  /** What part of a request the text is. */
  public enum Kind {
    /** A value (query parameter value, JSON string, form field, body). */
    VALUE,
    /** A key: JSON object key, query or form parameter name. */
    KEY,
    /** An HTTP header value. */
    HEADER,
    /** A path (raw path, path parameter). */
    PATH
  }

  /** Rejects null components. */
  public Input {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
  }

  /** A {@link Kind#VALUE} at {@code location}. */
  public static Input value(String location, String value) {
    return new Input(location, value, Kind.VALUE);
  }
}
