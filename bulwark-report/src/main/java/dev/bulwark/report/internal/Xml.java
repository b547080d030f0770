package dev.bulwark.report.internal;

/**
 * XML 1.0 escaping that always yields a well-formed, pure-ASCII document: markup characters
 * become entities, every non-ASCII character a character reference (so the document is valid
 * whatever the writer's encoding), and characters XML 1.0 cannot carry at all (most control
 * characters, lone surrogates, U+FFFE, U+FFFF) a visible {@code \u001b}-style escape.
 */
final class Xml {

  private Xml() {}

  static String text(String s) {
    return escape(s, false);
  }

  static String attribute(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String rep = null;
      int extra = 0;
      switch (c) {
        case '&' -> rep = "&amp;";
        case '<' -> rep = "&lt;";
        case '>' -> rep = "&gt;";
        case '"' -> rep = attribute ? "&quot;" : null;
        case '\'' -> rep = attribute ? "&apos;" : null;
        case '\t' -> rep = attribute ? "&#9;" : null;
        case '\n' -> rep = attribute ? "&#10;" : null;
        case '\r' -> rep = "&#13;";
        default -> {
          if (c < 0x20 || c == 0xfffe || c == 0xffff) {
            rep = visible(c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            rep = "&#x" + Integer.toHexString(Character.toCodePoint(c, s.charAt(i + 1))) + ";";
            extra = 1;
          } else if (Character.isSurrogate(c)) {
            rep = visible(c);
          } else if (c >= 0x7f) {
            rep = "&#x" + Integer.toHexString(c) + ";";
          }
        }
      }
      if (rep == null) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(n + 32).append(s, 0, i);
      }
      b.append(rep);
      i += extra;
    }
    return b == null ? s : b.toString();
  }

  private static String visible(char c) {
    String h = Integer.toHexString(c);
    return "\\u" + "0".repeat(4 - h.length()) + h;
  }
}
