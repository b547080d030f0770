package dev.bulwark.runtime;

import java.util.Locale;

/**
 * What Bulwark does when a guard objects to an invocation.
 *
 * <pre>{@code
 * Protection p = Protection.builder().mode(Mode.BLOCK).build();
 * }</pre>
 */
public enum Mode {
  /** Log the security event and run the handler anyway (the default). */
  MONITOR,
  /** Log the security event and answer in the trigger's shape without running the handler. */
  BLOCK;

  /** Lower-case name used in events and configuration: {@code monitor}, {@code block}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code monitor} or {@code block} (any case); fails naming the bad value. */
  public static Mode parse(String text) {
    for (Mode m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("mode '" + text + "' is not one of: monitor, block");
  }
}
