package dev.bulwark.runtime.detect.internal;

/**
 * Builds the short excerpt a {@link dev.bulwark.runtime.detect.Detection} carries: at most {@link
 * #MAX} characters around the offending region, controls escaped, and long opaque runs (tokens,
 * keys, base64) cut to their first characters so that no secret is ever printed in full.
 */
public final class Excerpt {

  /** Longest excerpt, in characters. */
  public static final int MAX = 64;

  private static final int LEAD = 12;
  private static final int OPAQUE_RUN = 24;
  private static final int OPAQUE_KEEP = 6;

  private Excerpt() {}

  /** The excerpt of {@code text} around {@code [start, end)}. */
  public static String of(String text, int start, int end) {
    int n = text.length();
    int s = Math.max(0, Math.min(start, n) - LEAD);
    // do not start in the middle of an opaque run's tail: back up to its beginning
    while (s > 0 && isOpaque(text.charAt(s - 1)) && start - s < 2 * OPAQUE_RUN) {
      s--;
    }
    StringBuilder out = new StringBuilder(MAX);
    if (s > 0) {
      out.append('…');
    }
    int i = s;
    while (i < n && out.length() < MAX) {
      char c = text.charAt(i);
      if (isOpaque(c)) {
        int j = i;
        while (j < n && isOpaque(text.charAt(j))) {
          j++;
        }
        if (j - i >= OPAQUE_RUN) {
          appendBounded(out, text, i, i + OPAQUE_KEEP);
          appendBounded(out, "…", 0, 1);
        } else {
          appendBounded(out, text, i, j);
        }
        i = j;
        continue;
      }
      appendChar(out, c);
      i++;
    }
    if (out.length() > MAX) {
      out.setLength(MAX - 1);
      out.append('…');
    } else if (i < n && out.length() == MAX) {
      out.setLength(MAX - 1);
      out.append('…');
    } else if (i < n) {
      out.append('…');
    }
    return out.toString();
  }

  private static void appendBounded(StringBuilder out, CharSequence text, int from, int to) {
    for (int k = from; k < to && out.length() < MAX; k++) {
      out.append(text.charAt(k));
    }
  }

  private static void appendChar(StringBuilder out, char c) {
    if (c == '\n') {
      out.append("\\n");
    } else if (c == '\r') {
      out.append("\\r");
    } else if (c == '\t') {
      out.append("\\t");
    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
      out.append("\\x").append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
    } else if (Character.isSurrogate(c)) {
      out.append('?');
    } else {
      out.append(c);
    }
  }

  private static boolean isOpaque(char c) {
    return Ascii.isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
  }
}
