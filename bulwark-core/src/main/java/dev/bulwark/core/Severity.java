package dev.bulwark.core;

import java.util.Locale;

/** How bad a finding is, in increasing order. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** True when this severity is the same as or worse than {@code other}. */
  public boolean isAtLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Lower-case name, as used in output and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a severity name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "' (expected one of info, low, medium, high, critical)");
  }
}
