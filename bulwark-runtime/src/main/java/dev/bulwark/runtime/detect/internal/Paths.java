package dev.bulwark.runtime.detect.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits keys and locations into their segments: {@code body.$.a[0].b} gives {@code body, $, a, 0,
 * b}; {@code user[$ne]} gives {@code user, $ne}; {@code a.__proto__.b} gives {@code a, __proto__, b}.
 */
final class Paths {

  private static final int MAX_SEGMENTS = 64;

  private Paths() {}

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>(4);
    int n = path.length();
    int start = 0;
    for (int i = 0; i <= n && out.size() < MAX_SEGMENTS; i++) {
      char c = i < n ? path.charAt(i) : '.';
      if (c == '.' || c == '[' || c == ']') {
        if (i > start) {
          out.add(stripQuotes(path.substring(start, i)));
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static String stripQuotes(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
