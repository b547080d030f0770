package dev.bulwark.runtime.detect.internal;

/** ASCII-only character helpers; they never change a string's length, so indexes stay valid. */
public final class Ascii {

  private Ascii() {}

  /** {@code s} with A-Z lower-cased; the same instance when there is nothing to change. */
  public static String lower(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        break;
      }
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
      char c = out[i];
      if (c >= 'A' && c <= 'Z') {
        out[i] = (char) (c + 32);
      }
    }
    return new String(out);
  }

  public static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  public static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public static boolean isAlnum(char c) {
    return isLetter(c) || isDigit(c);
  }

  public static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  public static int hexValue(char c) {
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

  /** Whitespace as SQL engines, shells and browsers are lenient about it: controls, space, NBSP. */
  public static boolean isSpaceOrControl(char c) {
    return c <= ' ' || c == 0x7f || c == 0xa0 || c == 0x85;
  }

  /**
   * {@link #isSpaceOrControl}, plus U+FFFD: an undecodable byte (%A0, %C0 …) that a decoder replaced
   * and that some SQL engines read as a space.
   */
  public static boolean isSqlSpace(char c) {
    return c <= ' ' || c == 0x7f || c == 0xa0 || c == 0x85 || c == 0xfffd;
  }

  /**
   * {@code s.indexOf(what, from)} that gives up at {@code to}: searches that start at many places
   * must not each run to the end of the text.
   */
  public static int indexOf(String s, String what, int from, int to) {
    int end = Math.min(to, s.length()) - what.length();
    char first = what.charAt(0);
    for (int i = Math.max(0, from); i <= end; i++) {
      if (s.charAt(i) == first && s.startsWith(what, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code s} at {@code from} starts with {@code lowerWord}, ignoring ASCII case. */
  public static boolean startsWithIgnoreCase(CharSequence s, int from, String lowerWord) {
    int n = lowerWord.length();
    if (from < 0 || from + n > s.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (lower(s.charAt(from + i)) != lowerWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the region equals {@code lowerWord}, ignoring ASCII case. */
  public static boolean regionEquals(CharSequence s, int start, int end, String lowerWord) {
    return end - start == lowerWord.length() && startsWithIgnoreCase(s, start, lowerWord);
  }
}
