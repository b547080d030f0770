package dev.bulwark.report.internal;

import java.time.Duration;
import java.util.Locale;

/** Small text helpers shared by the reporters. */
final class Texts {

  private Texts() {}

  /**
   * Makes untrusted text safe for a terminal: control characters (ANSI escape sequences included),
   * line and paragraph separators and bidirectional overrides ("Trojan Source") are shown as
   * escapes such as {@code \x1b} or {@code \u202e} instead of being interpreted.
   */
  static String forTerminal(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        b.append(c);
      } else if (c < 0x100) {
        b.append("\\x").append(hex(c, 2));
      } else {
        b.append("\\u").append(hex(c, 4));
      }
    }
    return b.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u2028' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String hex(char c, int width) {
    String h = Integer.toHexString(c);
    return "0".repeat(Math.max(0, width - h.length())) + h;
  }

  /** {@code 1 finding}, {@code 2 findings}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** {@code 340 ms}, {@code 1.25 s}, {@code 2 min 5 s}. */
  static String duration(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
    long s = ms / 1000;
    return (s / 60) + " min " + (s % 60) + " s";
  }

  /** Pads {@code s} with spaces on the right to {@code width}. */
  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
