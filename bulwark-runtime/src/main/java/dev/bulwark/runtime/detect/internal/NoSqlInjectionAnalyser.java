package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Input;
import java.util.List;

/**
 * NoSQL (MongoDB operator) injection: query operators where the application expects plain data —
 * as JSON keys ({@code {"password": {"$ne": null}}}), in bracketed parameter names ({@code
 * password[$ne]=x}), in the location of a value, or as JSON text inside a string value — and the
 * JavaScript of {@code $where} clauses ({@code ' || '1'=='1}, {@code ;return true}). Keys that start
 * with {@code $} but are no operator ({@code $default}) are not reported.
 */
public final class NoSqlInjectionAnalyser extends Analyser {

  private static final int CODE = 2;

  private static final WordTable OPERATORS =
      WordTable.of(
          java.util.Map.ofEntries(
              java.util.Map.entry("$ne", 1), java.util.Map.entry("$eq", 1),
              java.util.Map.entry("$gt", 1), java.util.Map.entry("$gte", 1),
              java.util.Map.entry("$lt", 1), java.util.Map.entry("$lte", 1),
              java.util.Map.entry("$in", 1), java.util.Map.entry("$nin", 1),
              java.util.Map.entry("$regex", 1), java.util.Map.entry("$options", 1),
              java.util.Map.entry("$exists", 1), java.util.Map.entry("$or", 1),
              java.util.Map.entry("$and", 1), java.util.Map.entry("$nor", 1),
              java.util.Map.entry("$not", 1), java.util.Map.entry("$elemmatch", 1),
              java.util.Map.entry("$all", 1), java.util.Map.entry("$size", 1),
              java.util.Map.entry("$type", 1), java.util.Map.entry("$mod", 1),
              java.util.Map.entry("$text", 1), java.util.Map.entry("$search", 1),
              java.util.Map.entry("$jsonschema", 1), java.util.Map.entry("$lookup", 1),
              java.util.Map.entry("$comment", 1), java.util.Map.entry("$where", CODE),
              java.util.Map.entry("$expr", CODE), java.util.Map.entry("$function", CODE),
              java.util.Map.entry("$accumulator", CODE)));


  @Override
  public AttackClass attackClass() {
    return AttackClass.NOSQL_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    Input input = subject.input();
    if (input.kind() == Input.Kind.KEY && hasOperatorSign(input.value())) {
      if (segmentsHoldOperator(input.value(), out, true)) {
        return;
      }
    }
    if (hasOperatorSign(input.location()) && segmentsHoldOperator(input.location(), out, false)) {
      return;
    }
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.DOLLAR | Subject.PIPE | Subject.AMP | Subject.SEMICOLON | Subject.DOT))
          == 0) {
        continue;
      }
      boolean operators = subject.hasPair(v, Subject.P_DOLLAR_WORD);
      // ' || '1'=='1 needs "||" or "&&"; ;return true a ';'; this.x.match( and db.x.find( a '('
      boolean javascript = subject.hasPair(v, Subject.P_LOGIC)
          || (f & Subject.SEMICOLON) != 0 || (f & (Subject.DOT | Subject.LPAREN))
              == (Subject.DOT | Subject.LPAREN);
      if (!operators && !javascript) {
        continue;
      }
      String l = subject.lower(v);
      if (operators && operatorInText(l, v, out)) {
        return;
      }
      if (javascript && (subject.hasPair(v, Subject.P_LOGIC)
          || (f & Subject.SEMICOLON) != 0 && l.contains("return")
          || (f & Subject.LPAREN) != 0 && (l.contains("this.") || l.contains("db.")))) {
        int at = whereJavaScript(l);
        if (at >= 0) {
          out.report(AttackClass.NOSQL_INJECTION, "nosql.javascript", 0.8, v, at,
              Math.min(l.length(), at + 48));
          return;
        }
      }
    }
  }

  /**
   * JavaScript of a {@code $where} clause, where the text breaks out of a string: {@code ' || '1'=='1},
   * {@code ;return true}, {@code this.password.match(…)}, {@code db.users.drop()}. Returns where it
   * starts, or -1. Each check starts at an anchor and looks a bounded distance around it.
   */
  static int whereJavaScript(String l) {
    int n = l.length();
    for (int i = 0; i + 1 < n; i++) {
      char c = l.charAt(i);
      if ((c == '|' || c == '&') && l.charAt(i + 1) == c) {
        int q = skipBack(l, i - 1);
        if (q >= 0 && (l.charAt(q) == '\'' || l.charAt(q) == '"') && comparisonAhead(l, i + 2)) {
          return q;
        }
        i++;
      } else if (c == 'r' && l.startsWith("return", i)) {
        int semi = skipBack(l, i - 1);
        int j = i + 6;
        int k = j;
        while (k < n && l.charAt(k) == ' ') {
          k++;
        }
        if (semi >= 0 && l.charAt(semi) == ';' && k > j
            && (word(l, k, "true") || word(l, k, "1") || word(l, k, "!0"))) {
          return semi;
        }
      } else if (c == 't' && l.startsWith("this.", i) && (i == 0 || !isWordChar(l.charAt(i - 1)))) {
        int j = i + 5;
        while (j < n && j - i < 64 && isWordChar(l.charAt(j))) {
          j++;
        }
        if (l.startsWith(".match(", j) || l.startsWith(".constructor", j)) {
          return i;
        }
      } else if (c == 'd' && l.startsWith("db.", i) && (i == 0 || !isWordChar(l.charAt(i - 1)))) {
        int j = i + 3;
        while (j < n && j - i < 64 && isWordChar(l.charAt(j))) {
          j++;
        }
        if (l.startsWith(".find", j) || l.startsWith(".drop", j) || l.startsWith(".insert", j)
            || l.startsWith(".remove", j) || l.startsWith(".update", j)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Index of the last non-blank character at or before {@code i}, within 3 characters. */
  private static int skipBack(String l, int i) {
    int k = i;
    while (k >= 0 && i - k < 3 && l.charAt(k) == ' ') {
      k--;
    }
    return k >= 0 && l.charAt(k) != ' ' ? k : -1;
  }

  /** A {@code ==}, {@code ===} or {@code !=} after an optional quoted or bare word. */
  private static boolean comparisonAhead(String l, int from) {
    int n = Math.min(l.length(), from + 40);
    int j = from;
    while (j < n && (l.charAt(j) == ' ' || l.charAt(j) == '\'' || l.charAt(j) == '"'
        || isWordChar(l.charAt(j)))) {
      j++;
    }
    return j + 1 < l.length() && (l.startsWith("==", j) || l.startsWith("!=", j));
  }

  private static boolean word(String l, int at, String w) {
    int e = at + w.length();
    return l.startsWith(w, at) && (e >= l.length() || !isWordChar(l.charAt(e)));
  }

  private static boolean isWordChar(char c) {
    return Ascii.isAlnum(c) || c == '_' || c == '$';
  }

  /** A '$' followed by a letter: an operator may be there (the JSON root "$." is not one). */
  private static boolean hasOperatorSign(String path) {
    int i = path.indexOf('$');
    while (i >= 0) {
      if (i + 1 < path.length() && Ascii.isLetter(path.charAt(i + 1))) {
        return true;
      }
      i = path.indexOf('$', i + 1);
    }
    return false;
  }

  /** Whether a segment of the key or location is an operator (the JSON root "$" is not). */
  private static boolean segmentsHoldOperator(String path, Findings out, boolean isKey) {
    List<String> segments = Paths.segments(path);
    for (int k = 0; k < segments.size(); k++) {
      String seg = segments.get(k);
      int code = OPERATORS.get(seg, 0, seg.length());
      if (code != 0) {
        // excerpts point into the input text: only a key's own text holds the operator
        String rule = code == CODE ? "nosql.code-operator" : "nosql.operator-key";
        double conf = code == CODE ? 0.95 : 0.9;
        int at = isKey ? Math.max(0, path.indexOf(seg)) : 0;
        out.report(AttackClass.NOSQL_INJECTION, rule, conf, 0, isKey ? at : 0,
            isKey ? at + seg.length() : 0);
        return true;
      }
    }
    return false;
  }

  /** {@code {"$gt": ""}}, {@code [$ne]=} inside a value. */
  private static boolean operatorInText(String l, int v, Findings out) {
    int i = l.indexOf('$');
    while (i >= 0) {
      int e = i + 1;
      while (e < l.length() && Ascii.isLetter(l.charAt(e)) && e - i < 16) {
        e++;
      }
      int code = OPERATORS.get(l, i, e);
      if (code != 0 && i > 0) {
        char before = l.charAt(i - 1);
        char after = e < l.length() ? l.charAt(e) : ' ';
        boolean keyLike = (before == '"' || before == '\'') && after == before
            || before == '[' && after == ']'
            || before == '{' && (after == ':' || after == ' ');
        if (keyLike) {
          out.report(AttackClass.NOSQL_INJECTION,
              code == CODE ? "nosql.code-operator" : "nosql.operator-in-value",
              code == CODE ? 0.9 : 0.85, v, Math.max(0, i - 2), Math.min(l.length(), e + 16));
          return true;
        }
      }
      i = l.indexOf('$', i + 1);
    }
    return false;
  }
}
