package dev.bulwark.secrets.internal;

/** Shannon entropy and character classes of a candidate value. */
final class ValueStats {

  private ValueStats() {}

  /** Shannon entropy in bits per character. */
  static double entropy(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] counts = new int[256];
    for (int i = 0; i < n; i++) {
      counts[s.charAt(i) & 0xff]++;
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** How many of lower case, upper case, digits and other characters occur (0..4). */
  static int classes(CharSequence s) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  static boolean hasDigit(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (Bytes.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasLower(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (Bytes.isLower(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasUpper(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (Bytes.isUpper(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isAllHex(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Bytes.isHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Longest run of one repeated character. */
  static int longestRun(CharSequence s) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = i > 0 && s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }
}
