package dev.bulwark.deps.internal.readers;

import java.util.ArrayList;
import java.util.List;

/** Splitting untrusted text without {@code java.util.regex}. */
public final class Text {
  private Text() {}

  /** Lines split at {@code \n} with a trailing {@code \r} dropped; a final empty line kept. */
  public static String[] lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '\n') {
        int end = i > start && s.charAt(i - 1) == '\r' ? i - 1 : i;
        out.add(s.substring(start, end));
        start = i + 1;
      }
    }
    return out.toArray(new String[0]);
  }

  /** Runs of non-whitespace; at most {@code limit} parts, the last holding the (trimmed) rest. */
  public static String[] words(String s, int limit) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      if (out.size() == limit - 1) {
        out.add(s.substring(i).trim());
        break;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      out.add(s.substring(start, i));
    }
    return out.toArray(new String[0]);
  }

  public static String[] words(String s) {
    return words(s, Integer.MAX_VALUE);
  }

  /** Parts between {@code sep}, empty ones kept. */
  public static String[] split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out.toArray(new String[0]);
  }
}
