package dev.bulwark.secrets.internal;

/** Character classes and small searches over ASCII bytes. */
final class Bytes {

  private static final int ALNUM = 1;
  private static final int BASE64 = 2; // A-Z a-z 0-9 + /
  private static final int BASE64URL = 4; // A-Z a-z 0-9 - _
  private static final int HEX = 8;
  private static final int IDENT = 16; // A-Z a-z 0-9 _ . - $
  private static final int SPACE = 32;

  private static final int[] FLAGS = new int[256];

  static {
    for (int c = 0; c < 128; c++) {
      int f = 0;
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      if (letter || digit) {
        f |= ALNUM | BASE64 | BASE64URL | IDENT;
      }
      if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        f |= HEX;
      }
      if (c == '+' || c == '/') {
        f |= BASE64;
      }
      if (c == '-' || c == '_') {
        f |= BASE64URL;
      }
      if (c == '_' || c == '.' || c == '-' || c == '$') {
        f |= IDENT;
      }
      if (c == ' ' || c == '\t') {
        f |= SPACE;
      }
      FLAGS[c] = f;
    }
  }

  private Bytes() {}

  static boolean isAlnum(int b) {
    return (FLAGS[b & 0xff] & ALNUM) != 0;
  }

  static boolean isBase64(int b) {
    return (FLAGS[b & 0xff] & BASE64) != 0;
  }

  static boolean isBase64Url(int b) {
    return (FLAGS[b & 0xff] & BASE64URL) != 0;
  }

  static boolean isHex(int b) {
    return (FLAGS[b & 0xff] & HEX) != 0;
  }

  static boolean isIdent(int b) {
    return (FLAGS[b & 0xff] & IDENT) != 0;
  }

  static boolean isBlank(int b) {
    return (FLAGS[b & 0xff] & SPACE) != 0;
  }

  static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  static boolean isLower(int b) {
    return b >= 'a' && b <= 'z';
  }

  static boolean isUpper(int b) {
    return b >= 'A' && b <= 'Z';
  }

  static int lower(int b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  /** Index of {@code needle} in {@code buf[from, to)}, or -1; ASCII case-insensitive if asked. */
  static int indexOf(byte[] buf, int from, int to, byte[] needle, boolean ignoreCase) {
    int last = to - needle.length;
    outer:
    for (int i = Math.max(0, from); i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        int a = buf[i + j];
        int b = needle[j];
        if (ignoreCase ? lower(a) != lower(b) : a != b) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** True when {@code buf[at..]} starts with {@code text} (ASCII), within {@code limit}. */
  static boolean startsWith(byte[] buf, int at, int limit, String text, boolean ignoreCase) {
    if (at < 0 || at + text.length() > limit) {
      return false;
    }
    for (int j = 0; j < text.length(); j++) {
      int a = buf[at + j];
      int b = text.charAt(j);
      if (ignoreCase ? lower(a) != lower(b) : a != b) {
        return false;
      }
    }
    return true;
  }
}
