package dev.bulwark.runtime.internal.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Lenient percent-decoding: malformed escapes are kept as they are, never an error. */
public final class Urls {
  private Urls() {}

  /** Decodes {@code %XX} escapes (and {@code +} as space when {@code plusIsSpace}) once. */
  public static String decode(String s, boolean plusIsSpace) {
    int first = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' || (plusIsSpace && c == '+')) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, first);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = first;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        bytes.reset();
        while (i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
          bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
          i += 3;
        }
        out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      } else if (plusIsSpace && c == '+') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
