package dev.bulwark.iac.internal.template;

/** Making parser messages safe and helpful to show. */
final class Messages {

  private static final int KEEP = 4;
  private static final int MAX_QUOTED = 8;

  private Messages() {}

  /**
   * Shortens quoted input echoed by a parser ({@code Unrecognized token 'hunter2secret'}) to its
   * first characters, so that a secret in a malformed file is never printed in full; keeps only
   * the first line.
   */
  static String shortenQuoted(String message) {
    int nl = message.indexOf('\n');
    String m = nl < 0 ? message : message.substring(0, nl);
    StringBuilder out = new StringBuilder(m.length());
    int i = 0;
    while (i < m.length()) {
      int open = m.indexOf('\'', i);
      if (open < 0) {
        out.append(m, i, m.length());
        break;
      }
      int close = m.indexOf('\'', open + 1);
      if (close < 0) {
        out.append(m, i, m.length());
        break;
      }
      out.append(m, i, open + 1);
      String quoted = m.substring(open + 1, close);
      if (quoted.length() > MAX_QUOTED) {
        out.append(quoted, 0, KEEP).append('…');
      } else {
        out.append(quoted);
      }
      out.append('\'');
      i = close + 1;
    }
    return out.toString();
  }

  /** A hint for the YAML mistakes people make most, or an empty string. */
  static String yamlHint(String problem) {
    if (problem.contains("mapping values are not allowed here")) {
      return " (a plain value cannot contain ': '; put the value in quotes)";
    }
    if (problem.contains("found character '\\t'") || problem.contains("found character '\t'")) {
      return " (YAML indentation must use spaces, not tabs)";
    }
    return "";
  }
}
