package dev.bulwark.deps.internal.version;

/** Arbitrary-length non-negative integers kept as digit strings (no overflow, no BigInteger). */
final class Digits {

  private Digits() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean allDigits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The digits without leading zeros ({@code "0"} for zero). */
  static String strip(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return i == 0 ? digits : digits.substring(i);
  }

  /** Compares two digit strings without leading zeros by value. */
  static int compare(String a, String b) {
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    return Integer.signum(a.compareTo(b));
  }
}
