package dev.bulwark.runtime.detect.internal;

/**
 * A glob matched against a whole text: {@code *} matches a run of characters without the
 * separator, {@code **} any run; everything else matches itself. Matching simulates the pattern's
 * automaton over bit sets, so it is linear in the text for a given pattern and never backtracks.
 */
public final class Glob {

  /** Longest accepted pattern. */
  public static final int MAX_LENGTH = 512;

  private static final char STAR = '\uE000';
  private static final char STARSTAR = '\uE001';

  private final String source;
  private final char[] elements;
  private final char separator;

  private Glob(String source, char[] elements, char separator) {
    this.source = source;
    this.elements = elements;
    this.separator = separator;
  }

  /**
   * Compiles {@code pattern}; {@code what} names it in the error when it is empty, too long or
   * holds control characters.
   */
  public static Glob compile(String what, String pattern, char separator) {
    if (pattern == null) {
      throw new NullPointerException(what);
    }
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    if (pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          what + " '" + pattern.substring(0, 32) + "…' is longer than " + MAX_LENGTH + " characters");
    }
    StringBuilder e = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c < 0x20 || c == 0x7f || c == STAR || c == STARSTAR) {
        throw new IllegalArgumentException(
            what + " '" + pattern + "' has a control character at index " + i);
      }
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          if (i + 2 < pattern.length() && pattern.charAt(i + 2) == '*') {
            throw new IllegalArgumentException(
                what + " '" + pattern + "' has '***' at index " + i + "; use '*' or '**'");
          }
          e.append(STARSTAR);
          i++;
        } else {
          e.append(STAR);
        }
      } else {
        e.append(c);
      }
    }
    return new Glob(pattern, e.toString().toCharArray(), separator);
  }

  public boolean matches(String text) {
    int m = elements.length;
    int words = (m >> 6) + 1;
    long[] cur = new long[words];
    long[] next = new long[words];
    set(cur, 0);
    closure(cur);
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      java.util.Arrays.fill(next, 0L);
      boolean any = false;
      for (int w = 0; w < words; w++) {
        long bits = cur[w];
        while (bits != 0) {
          int p = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          if (p >= m) {
            continue;
          }
          char e = elements[p];
          if (e == STARSTAR || (e == STAR && c != separator)) {
            set(next, p);
            any = true;
          } else if (e == c) {
            set(next, p + 1);
            any = true;
          }
        }
      }
      if (!any) {
        return false;
      }
      closure(next);
      long[] t = cur;
      cur = next;
      next = t;
    }
    return (cur[m >> 6] & (1L << (m & 63))) != 0;
  }

  /** Stars match the empty run: a star position also activates the one after it. */
  private void closure(long[] set) {
    for (int p = 0; p < elements.length; p++) {
      if ((set[p >> 6] & (1L << (p & 63))) != 0 && (elements[p] == STAR || elements[p] == STARSTAR)) {
        set(set, p + 1);
      }
    }
  }

  private static void set(long[] set, int p) {
    set[p >> 6] |= 1L << (p & 63);
  }

  @Override
  public String toString() {
    return source;
  }
}
