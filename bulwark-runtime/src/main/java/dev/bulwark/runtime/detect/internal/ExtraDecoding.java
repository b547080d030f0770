package dev.bulwark.runtime.detect.internal;

import org.jspecify.annotations.Nullable;

/**
 * One more layer of the encodings attackers stack on top of what the event decoder already undid:
 * percent escapes (UTF-8, with the overlong forms old servers accepted), {@code %uXXXX}, {@code
 * \\uXXXX}, {@code \\xXX}, UTF-7 runs and, separately, HTML character references. Each method makes
 * one linear pass and returns {@code null} when there was nothing to decode, so callers only pay
 * for inputs that carry escapes.
 */
public final class ExtraDecoding {

  private ExtraDecoding() {}

  /**
   * Percent, {@code %u}, backslash and UTF-7 escapes decoded once; {@code +} becomes a space when
   * the text has no whitespace of its own (form encoding left over). {@code null} when unchanged.
   */
  public static @Nullable String urlAndUnicode(String s) {
    int n = s.length();
    boolean plusIsSpace = false;
    boolean candidate = false;
    boolean hasSpace = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '\\') {
        candidate = true;
      } else if (c == '+') {
        plusIsSpace = true;
        candidate = true;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        hasSpace = true;
      }
    }
    if (!candidate) {
      return null;
    }
    plusIsSpace &= !hasSpace;
    if (!plusIsSpace && firstEscape(s) < 0) {
      return null; // "10% off", "a\\b": nothing that decodes; do not copy the text
    }
    StringBuilder out = new StringBuilder(n);
    boolean changed = false;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U') && hex4(s, i + 2) >= 0) {
          out.append((char) hex4(s, i + 2));
          i += 6;
          changed = true;
          continue;
        }
        int consumed = percentRun(s, i, out);
        if (consumed > 0) {
          i += consumed;
          changed = true;
          continue;
        }
        out.append(c);
        i++;
      } else if (c == '\\' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if ((d == 'u' || d == 'U') && i + 5 < n && hex4(s, i + 2) >= 0) {
          out.append((char) hex4(s, i + 2));
          i += 6;
          changed = true;
        } else if ((d == 'x' || d == 'X') && i + 3 < n && hex2(s, i + 2) >= 0) {
          out.append((char) hex2(s, i + 2));
          i += 4;
          changed = true;
        } else {
          out.append(c);
          i++;
        }
      } else if (c == '+') {
        int consumed = utf7Run(s, i, out);
        if (consumed > 0) {
          i += consumed;
          changed = true;
        } else {
          out.append(plusIsSpace ? ' ' : '+');
          changed |= plusIsSpace;
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return changed ? out.toString() : null;
  }

  /** HTML character references decoded once; {@code null} when there were none. */
  public static @Nullable String htmlEntities(String s) {
    int amp = s.indexOf('&');
    int[] probe = new int[1];
    while (amp >= 0 && HtmlEntities.decodeAt(s, amp, probe) < 0) {
      amp = s.indexOf('&', amp + 1);
    }
    if (amp < 0) {
      return null; // "AT&T", "a & b": no reference; do not copy the text
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, amp);
    boolean changed = false;
    int i = amp;
    int n = s.length();
    int[] end = new int[1];
    while (i < n) {
      char c = s.charAt(i);
      if (c == '&') {
        int cp = HtmlEntities.decodeAt(s, i, end);
        if (cp >= 0) {
          out.appendCodePoint(cp);
          i = end[0];
          changed = true;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return changed ? out.toString() : null;
  }

  /** Index of the first escape that decodes (%XX, %uXXXX, \\uXXXX, \\xXX, UTF-7), or -1. */
  private static int firstEscape(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < n) {
        if (hex2(s, i + 1) >= 0 || (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')
            && hex4(s, i + 2) >= 0) {
          return i;
        }
      } else if (c == '\\' && i + 3 < n) {
        char d = s.charAt(i + 1);
        if ((d == 'u' || d == 'U') && hex4(s, i + 2) >= 0 || (d == 'x' || d == 'X')
            && hex2(s, i + 2) >= 0) {
          return i;
        }
      } else if (c == '+' && i + 1 < n && s.charAt(i + 1) == 'A') {
        return i; // a UTF-7 run may start here
      }
    }
    return -1;
  }

  private static int hex2(String s, int at) {
    int a = Ascii.hexValue(s.charAt(at));
    int b = Ascii.hexValue(s.charAt(at + 1));
    return a < 0 || b < 0 ? -1 : a << 4 | b;
  }

  private static int hex4(String s, int at) {
    if (at + 4 > s.length()) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int h = Ascii.hexValue(s.charAt(at + k));
      if (h < 0) {
        return -1;
      }
      v = v << 4 | h;
    }
    return v;
  }

  /**
   * Decodes a run of {@code %XX} escapes starting at {@code i} as UTF-8 (overlong two-byte forms of
   * ASCII map to the ASCII character; invalid bytes map to Latin-1). Returns characters consumed.
   */
  private static int percentRun(String s, int i, StringBuilder out) {
    int n = s.length();
    int j = i;
    byte[] buf = new byte[16];
    int count = 0;
    int consumedTotal = 0;
    while (j + 2 < n && s.charAt(j) == '%' && hex2(s, j + 1) >= 0) {
      if (count == buf.length) {
        flushUtf8(buf, count, out);
        count = 0;
      }
      buf[count++] = (byte) hex2(s, j + 1);
      j += 3;
      consumedTotal += 3;
    }
    if (count == 0) {
      return 0;
    }
    flushUtf8(buf, count, out);
    return consumedTotal;
  }

  private static void flushUtf8(byte[] b, int count, StringBuilder out) {
    int k = 0;
    while (k < count) {
      int b0 = b[k] & 0xff;
      if (b0 < 0x80) {
        out.append((char) b0);
        k++;
      } else if ((b0 & 0xe0) == 0xc0 && k + 1 < count && (b[k + 1] & 0xc0) == 0x80) {
        out.append((char) ((b0 & 0x1f) << 6 | (b[k + 1] & 0x3f)));
        k += 2;
      } else if ((b0 & 0xf0) == 0xe0 && k + 2 < count && (b[k + 1] & 0xc0) == 0x80
          && (b[k + 2] & 0xc0) == 0x80) {
        out.append((char) ((b0 & 0x0f) << 12 | (b[k + 1] & 0x3f) << 6 | (b[k + 2] & 0x3f)));
        k += 3;
      } else if ((b0 & 0xf8) == 0xf0 && k + 3 < count && (b[k + 1] & 0xc0) == 0x80
          && (b[k + 2] & 0xc0) == 0x80 && (b[k + 3] & 0xc0) == 0x80) {
        int cp = (b0 & 0x07) << 18 | (b[k + 1] & 0x3f) << 12 | (b[k + 2] & 0x3f) << 6 | (b[k + 3] & 0x3f);
        if (cp <= Character.MAX_CODE_POINT) {
          out.appendCodePoint(cp);
        } else {
          out.append('\ufffd');
        }
        k += 4;
      } else {
        out.append((char) b0);
        k++;
      }
    }
  }

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * A UTF-7 shifted run ({@code +ADw-}): only runs that decode to ASCII punctuation or letters are
   * taken, which is how it is used to smuggle markup; anything else is left alone.
   */
  private static int utf7Run(String s, int i, StringBuilder out) {
    int n = s.length();
    int j = i + 1;
    int bits = 0;
    int acc = 0;
    StringBuilder decoded = new StringBuilder();
    while (j < n) {
      int v = B64.indexOf(s.charAt(j));
      if (v < 0 || j - i > 64) {
        break;
      }
      acc = acc << 6 | v;
      bits += 6;
      if (bits >= 16) {
        bits -= 16;
        char ch = (char) (acc >>> bits & 0xffff);
        if (ch == 0 || ch > 0x7e) {
          return 0;
        }
        decoded.append(ch);
      }
      j++;
    }
    if (decoded.length() == 0 || j - i < 4) {
      return 0;
    }
    // the run must end where the encoder ends it: '-' or a non-base64 character
    if (j < n && s.charAt(j) == '-') {
      j++;
    } else if (j < n) {
      return 0;
    }
    boolean hasMarkup = false;
    for (int k = 0; k < decoded.length(); k++) {
      char ch = decoded.charAt(k);
      if (!Ascii.isAlnum(ch) && ch != ' ') {
        hasMarkup = true;
      }
    }
    if (!hasMarkup) {
      return 0;
    }
    out.append(decoded);
    return j - i;
  }
}
