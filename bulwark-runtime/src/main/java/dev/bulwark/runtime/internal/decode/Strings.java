package dev.bulwark.runtime.internal.decode;

import java.util.ArrayList;
import java.util.List;

/** Splitting without regular expressions, for untrusted text. */
public final class Strings {
  private Strings() {}

  /** Splits on {@code sep}, keeping empty parts. */
  public static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** Splits on runs of whitespace, dropping empty parts. */
  public static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** Lines split on {@code \n}, with a trailing {@code \r} removed. */
  public static List<String> lines(String s) {
    List<String> out = split(s, '\n');
    for (int i = 0; i < out.size(); i++) {
      String l = out.get(i);
      if (l.endsWith("\r")) {
        out.set(i, l.substring(0, l.length() - 1));
      }
    }
    return out;
  }
}
