package dev.bulwark.runtime.detect.internal;

import java.util.Map;

/**
 * HTML character references as browsers decode them in attribute values: decimal and hex numeric
 * references with or without the closing semicolon and with any number of leading zeros, and the
 * named references that matter for script injection.
 */
public final class HtmlEntities {

  private static final WordTable NAMED =
      WordTable.of(
          Map.ofEntries(
              Map.entry("lt", (int) '<'),
              Map.entry("gt", (int) '>'),
              Map.entry("amp", (int) '&'),
              Map.entry("quot", (int) '"'),
              Map.entry("apos", (int) '\''),
              Map.entry("colon", (int) ':'),
              Map.entry("semi", (int) ';'),
              Map.entry("tab", (int) '\t'),
              Map.entry("newline", (int) '\n'),
              Map.entry("lpar", (int) '('),
              Map.entry("rpar", (int) ')'),
              Map.entry("sol", (int) '/'),
              Map.entry("bsol", (int) '\\'),
              Map.entry("num", (int) '#'),
              Map.entry("excl", (int) '!'),
              Map.entry("equals", (int) '='),
              Map.entry("nbsp", 0xa0),
              Map.entry("comma", (int) ','),
              Map.entry("period", (int) '.'),
              Map.entry("grave", (int) '`'),
              Map.entry("dollar", (int) '$'),
              Map.entry("percnt", (int) '%'),
              Map.entry("plus", (int) '+'),
              Map.entry("quest", (int) '?'),
              Map.entry("commat", (int) '@'),
              Map.entry("lsqb", (int) '['),
              Map.entry("rsqb", (int) ']'),
              Map.entry("lcub", (int) '{'),
              Map.entry("rcub", (int) '}'),
              Map.entry("lbrace", (int) '{'),
              Map.entry("rbrace", (int) '}'),
              Map.entry("verbar", (int) '|'),
              Map.entry("ast", (int) '*'),
              Map.entry("hyphen", (int) '-'),
              Map.entry("dash", (int) '-')));

  private HtmlEntities() {}

  /**
   * Decodes the reference starting with {@code &} at {@code i}; returns the code point and sets
   * {@code end[0]} past it, or returns -1 when there is no reference there.
   */
  public static int decodeAt(CharSequence s, int i, int[] end) {
    int n = s.length();
    if (i + 1 >= n || s.charAt(i) != '&') {
      return -1;
    }
    char c = s.charAt(i + 1);
    if (c == '#') {
      int j = i + 2;
      boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
      if (hex) {
        j++;
      }
      int start = j;
      long v = 0;
      while (j < n && j - start < 12) {
        int d = hex ? Ascii.hexValue(s.charAt(j)) : (Ascii.isDigit(s.charAt(j)) ? s.charAt(j) - '0' : -1);
        if (d < 0) {
          break;
        }
        v = v * (hex ? 16 : 10) + d;
        j++;
      }
      // skip the remaining digits of an absurdly long reference without overflowing
      while (j < n && (hex ? Ascii.hexValue(s.charAt(j)) >= 0 : Ascii.isDigit(s.charAt(j)))) {
        j++;
        v = Integer.MAX_VALUE;
      }
      if (j == start) {
        return -1;
      }
      if (j < n && s.charAt(j) == ';') {
        j++;
      }
      end[0] = j;
      if (v == 0 || v > Character.MAX_CODE_POINT || (v >= 0xd800 && v <= 0xdfff)) {
        return 0xfffd;
      }
      return (int) v;
    }
    if (!Ascii.isLetter(c)) {
      return -1;
    }
    int j = i + 1;
    while (j < n && Ascii.isAlnum(s.charAt(j)) && j - i <= 10) {
      j++;
    }
    // longest known name that is a prefix (browsers accept some names without ';')
    for (int k = j; k > i + 1; k--) {
      int cp = NAMED.get(s, i + 1, k);
      if (cp != 0) {
        boolean semi = k < n && s.charAt(k) == ';';
        if (!semi && k != j) {
          // a name followed by more letters without ';' is only taken for the legacy few
          if (!isLegacy(s, i + 1, k)) {
            continue;
          }
        }
        end[0] = semi ? k + 1 : k;
        return cp;
      }
    }
    return -1;
  }

  private static boolean isLegacy(CharSequence s, int start, int end) {
    return Ascii.regionEquals(s, start, end, "lt")
        || Ascii.regionEquals(s, start, end, "gt")
        || Ascii.regionEquals(s, start, end, "amp")
        || Ascii.regionEquals(s, start, end, "quot")
        || Ascii.regionEquals(s, start, end, "nbsp");
  }
}
