package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Input;
import java.util.List;

/**
 * Prototype pollution: {@code __proto__}, or {@code constructor} followed by {@code prototype}, as a
 * JSON key, in a bracketed or dotted parameter name ({@code __proto__[admin]=1}, {@code
 * constructor[prototype][admin]=1}, {@code a.__proto__.b}), in a value's location, or as a key in
 * JSON text or a path inside a string value. {@code prototype} or {@code constructor} alone is not
 * reported.
 */
public final class PrototypePollutionAnalyser extends Analyser {

  @Override
  public AttackClass attackClass() {
    return AttackClass.PROTOTYPE_POLLUTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    Input input = subject.input();
    if (input.kind() == Input.Kind.KEY && mentions(input.value())
        && polluting(Paths.segments(input.value()))) {
      int at = Math.max(0, input.value().indexOf("proto"));
      out.report(AttackClass.PROTOTYPE_POLLUTION, "prototype.polluting-key", 0.95, 0,
          Math.max(0, at - 2), input.value().length());
      return;
    }
    String loc = input.location();
    if (mentions(loc) && polluting(Paths.segments(loc))) {
      out.report(AttackClass.PROTOTYPE_POLLUTION, "prototype.polluting-path", 0.95, 0, 0,
          Math.min(input.value().length(), 32));
      return;
    }
    for (int v = 0; v < subject.count(); v++) {
      // JavaScript property names are case-sensitive: __PROTO__ pollutes nothing
      String l = subject.text(v);
      boolean proto = subject.hasPair(v, Subject.P_UNDERSCORES);
      boolean ctor = subject.hasAny(v, Subject.DOT | Subject.LBRACKET | Subject.COLON
          | Subject.DQUOTE | Subject.SQUOTE) && l.contains("prototype");
      if (!proto && !ctor) {
        continue;
      }
      int i = l.indexOf("__proto__");
      if (i >= 0 && keyLike(l, i, i + 9)) {
        out.report(AttackClass.PROTOTYPE_POLLUTION, "prototype.polluting-text", 0.85, v,
            Math.max(0, i - 2), Math.min(l.length(), i + 24));
        return;
      }
      int c = l.indexOf("constructor");
      while (c >= 0) {
        int j = c + 11;
        boolean structural = false;
        while (j < l.length() && (l.charAt(j) == '"' || l.charAt(j) == '\'' || l.charAt(j) == '.'
            || l.charAt(j) == '[' || l.charAt(j) == ']' || l.charAt(j) == ':'
            || l.charAt(j) == '{' || l.charAt(j) == ' ') && j - c < 20) {
          char sep = l.charAt(j);
          structural |= sep == '.' || sep == '[' || sep == ':';
          j++;
        }
        if (structural && l.startsWith("prototype", j) && keyLike(l, c, c + 11)) {
          out.report(AttackClass.PROTOTYPE_POLLUTION, "prototype.polluting-text", 0.85, v,
              Math.max(0, c - 2), Math.min(l.length(), j + 16));
          return;
        }
        c = l.indexOf("constructor", c + 11);
      }
    }
  }

  private static boolean mentions(String s) {
    return s.indexOf("__") >= 0 && s.contains("__proto__") || s.contains("constructor");
  }

  private static boolean polluting(List<String> segments) {
    for (int k = 0; k < segments.size(); k++) {
      String s = segments.get(k);
      if (s.equals("__proto__")) {
        return true;
      }
      if (s.equals("constructor") && k + 1 < segments.size()
          && segments.get(k + 1).equals("prototype")) {
        return true;
      }
    }
    return false;
  }

  /** The word is used as a key or path segment: quoted, bracketed, dotted or followed by ':'. */
  private static boolean keyLike(String l, int from, int to) {
    char before = from > 0 ? l.charAt(from - 1) : ' ';
    char after = to < l.length() ? l.charAt(to) : ' ';
    return before == '"' || before == '\'' || before == '[' || before == '.'
        || after == '"' || after == '\'' || after == '[' || after == ']' || after == '.'
        || after == ':' || from == 0;
  }
}
