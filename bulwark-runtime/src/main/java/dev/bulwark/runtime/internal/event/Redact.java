package dev.bulwark.runtime.internal.event;

import java.util.List;
import java.util.Locale;

/** Makes excerpts safe to log: no credentials, no long tokens, at most 64 characters. */
public final class Redact {
  private Redact() {}

  public static final int MAX_EXCERPT = 64;

  private static final List<String> SENSITIVE =
      List.of(
          "authorization", "cookie", "password", "passwd", "secret", "token", "api-key", "apikey",
          "api_key", "session", "credential", "private", "signature");

  /** True when values at {@code location} are credentials and must never be logged. */
  public static boolean sensitiveLocation(String location) {
    String l = location.toLowerCase(Locale.ROOT);
    for (String s : SENSITIVE) {
      if (l.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** Longest excerpt of a diagnostic (guard error, decode note, validation detail). */
  public static final int MAX_DIAGNOSTIC = 240;

  /** The excerpt to log for {@code raw} found at {@code location}. */
  public static String excerpt(String location, String raw) {
    return excerpt(location, raw, MAX_EXCERPT);
  }

  /** The excerpt to log for {@code raw} found at {@code location}, at most {@code max} characters. */
  public static String excerpt(String location, String raw, int max) {
    if (raw.isEmpty()) {
      return "";
    }
    if (sensitiveLocation(location)) {
      return "[redacted]";
    }
    return truncate(maskTokens(raw), max);
  }

  /** Masks JWTs, AWS access key ids and long base64/hex runs; keeps the first 4 characters. */
  public static String maskTokens(String s) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    int copied = 0;
    while (i < n) {
      if (!tokenChar(s.charAt(i), false)) {
        i++;
        continue;
      }
      int start = i;
      boolean jwt = s.startsWith("eyJ", i);
      while (i < n && tokenChar(s.charAt(i), jwt)) {
        i++;
      }
      int len = i - start;
      boolean awsKey = len >= 20 && (s.startsWith("AKIA", start) || s.startsWith("ASIA", start));
      if ((jwt && len >= 20) || awsKey || (len >= 32 && mixed(s, start, i))) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(s, copied, start + 4).append("…[redacted]");
        copied = i;
      }
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static boolean tokenChar(char c, boolean dots) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || (dots && c == '.');
  }

  private static boolean mixed(String s, int from, int to) {
    boolean digit = false;
    boolean letter = false;
    for (int i = from; i < to && !(digit && letter); i++) {
      char c = s.charAt(i);
      digit |= c >= '0' && c <= '9';
      letter |= Character.isLetter(c);
    }
    return digit && letter;
  }

  public static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut) + "…";
  }
}
