package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * Server-side template injection. Looks inside the expression delimiters of the common engines
 * ({@code {{ }}}, {@code ${ }}, {@code #{ }}, {@code *{ }}, {@code %{ }}, {@code <%= %>}, {@code {%
 * %}}, {@code @( )}) and at FreeMarker, Velocity and Smarty directives for two things: an
 * arithmetic probe of literals ({@code {{7*7}}}, {@code ${7*'7'}}) and a path to code execution
 * (Python dunder attributes, {@code T(java.lang.Runtime)}, {@code getRuntime().exec}, FreeMarker's
 * {@code Execute}, OGNL member access). Template text without either, such as {@code {%
 * $NUM_VIEWS|format %}}, is not reported.
 */
public final class TemplateInjectionAnalyser extends Analyser {

  private static final int MAX_BODY = 1024;

  private static final String[][] DELIMITERS = {
    {"{{", "}}"}, {"${", "}"}, {"#{", "}"}, {"*{", "}"}, {"%{", "}"}, {"<%", "%>"},
    {"{%", "%}"}, {"@(", ")"}, {"[[", "]]"}
  };

  private static final String[] CODE_EXECUTION = {
    "__class__", "__globals__", "__builtins__", "__mro__", "__subclasses__", "__init__",
    "__import__", "__base__", "__bases__", "getruntime", "processbuilder", "java.lang.runtime",
    "t(java.", "t (java.", "freemarker.template.utility", "?new(", "os.popen", "os.system",
    "subprocess", "popen(", "config.items", "self._templatereference", "request.application",
    "lipsum.", "cycler.", "joiner.", "class.forname", "getclassloader", "classloader",
    ".getclass()", ".forname(", "$class.inspect", "scriptengine", "new java.", "system.getenv",
    "_memberaccess", "@java.lang", "#context", "ognlutil", "getdeclaredmethod", ".exec(",
    "invoke(", "runtime.exec", "java.io.file", "{php}", "system(", "passthru(", "shell_exec(",
    "fromcharcode"
  };

  @Override
  public int triggers() {
    return Subject.LBRACE | Subject.LT | Subject.LPAREN | Subject.HASH | Subject.LBRACKET;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.TEMPLATE_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.LBRACE | Subject.LT | Subject.LPAREN | Subject.HASH | Subject.LBRACKET))
          == 0) {
        continue;
      }
      String t = subject.text(v);
      if (!subject.hasPair(v, Subject.P_TEMPLATE)
          && !((f & Subject.HASH) != 0 && (t.contains("#set") || t.contains("#SET")))) {
        continue;
      }
      String l = subject.lower(v);
      if (expressions(l, v, out)) {
        return;
      }
      directives(l, v, out);
    }
  }

  private static boolean expressions(String l, int v, Findings out) {
    // expressions do not overlap, so every delimiter pair costs one pass over the text
    for (String[] d : DELIMITERS) {
      int i = l.indexOf(d[0]);
      while (i >= 0) {
        int bodyStart = i + d[0].length();
        int close = l.indexOf(d[1], bodyStart);
        if (close < 0) {
          break;
        }
        if (close - bodyStart <= MAX_BODY) {
          String body = l.substring(bodyStart, close);
          if (codeExecution(body)) {
            out.report(AttackClass.TEMPLATE_INJECTION, "ssti.code-execution", 0.95, v, i,
                close + d[1].length());
            return true;
          }
          if (arithmeticProbe(body)) {
            out.report(AttackClass.TEMPLATE_INJECTION, "ssti.arithmetic-probe", 0.85, v, i,
                close + d[1].length());
          }
        }
        i = l.indexOf(d[0], close + d[1].length());
      }
    }
    return false;
  }

  private static void directives(String l, int v, Findings out) {
    // FreeMarker <#assign ex="freemarker.template.utility.Execute"?new()>, Velocity #set($x=…)
    int i = l.indexOf("<#assign");
    if (i < 0) {
      i = l.indexOf("#set(");
    }
    if (i < 0) {
      i = l.indexOf("#set (");
    }
    if (i >= 0) {
      int end = Math.min(l.length(), i + MAX_BODY);
      if (codeExecution(l.substring(i, end))) {
        out.report(AttackClass.TEMPLATE_INJECTION, "ssti.code-execution", 0.95, v, i, end);
      }
    }
  }

  private static boolean codeExecution(String body) {
    for (String s : CODE_EXECUTION) {
      if (body.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Literals joined by arithmetic operators and nothing else: 7*7, 7*'7', (3+4)*6. At least one
   * operator and one digit; an optional leading '=' (Razor, EJS).
   */
  static boolean arithmeticProbe(String body) {
    String b = body.trim();
    if (b.startsWith("=")) {
      b = b.substring(1).trim();
    }
    if (b.isEmpty() || b.length() > 64) {
      return false;
    }
    boolean digit = false;
    boolean operator = false;
    boolean operand = false;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (Ascii.isDigit(c)) {
        digit = true;
        operand = true;
      } else if (c == '*' || c == '+' || c == '/' || c == '%' || c == '-') {
        // a lone '-' is a date or a range (2024-01-01), not a probe
        if (operand && c != '-') {
          operator = true;
        }
        operand = false;
      } else if (c != ' ' && c != '\'' && c != '"' && c != '(' && c != ')' && c != '.') {
        return false;
      }
    }
    return digit && operator && operand;
  }
}
