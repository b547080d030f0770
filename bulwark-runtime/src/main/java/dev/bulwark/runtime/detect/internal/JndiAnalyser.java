package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import java.util.Locale;

/**
 * Log4Shell and other JNDI lookups. Each {@code ${…}} is evaluated the way Log4j 2 resolves it,
 * within a budget: nested lookups first, {@code ${lower:…}} and {@code ${upper:…}}, defaults
 * ({@code ${anything:-j}}, {@code ${::-j}}), quoted date patterns ({@code ${date:'j'}}). When the
 * result starts with {@code jndi:} the input carries a working lookup, however it was obfuscated.
 * Other Log4j lookups that read the environment ({@code ${env:AWS_SECRET_ACCESS_KEY}}) are
 * reported with less confidence.
 */
public final class JndiAnalyser extends Analyser {

  private static final int MAX_DEPTH = 10;

  private static final WordTable READING_LOOKUPS =
      WordTable.set(
          "env", "sys", "java", "ctx", "main", "spring", "k8s", "docker", "log4j", "bundle",
          "web", "jvmrunargs", "sd", "marker", "map", "event", "base64");

  @Override
  public int triggers() {
    return Subject.DOLLAR;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.JNDI_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      if (!subject.hasPair(v, Subject.P_DOLLAR_BRACE)) {
        continue;
      }
      String s = subject.text(v);
      int plain = subject.lower(v).indexOf("${jndi:");
      if (plain >= 0) {
        out.report(AttackClass.JNDI_INJECTION, "jndi.lookup", 0.97, v, plain,
            Math.min(s.length(), plain + 48));
        return;
      }
      // each character is resolved once per top-level lookup; the budget only guards against
      // a bug turning that into more
      Resolver r = new Resolver(s, 16L * s.length() + 4096);
      int i = s.indexOf("${");
      while (i >= 0 && r.work < r.budget) {
        StringBuilder resolved = new StringBuilder();
        int end = r.lookup(i, resolved, 0);
        if (end < 0 && r.reachedEnd) {
          // unclosed up to the end: no later lookup can close either
          if (r.sawJndi) {
            out.report(AttackClass.JNDI_INJECTION, "jndi.lookup", 0.97, v, i, s.length());
          }
          return;
        }
        int stop = end < 0 ? s.length() : end;
        String result = resolved.toString().toLowerCase(Locale.ROOT).trim();
        if (r.sawJndi || result.startsWith("jndi:")) {
          out.report(AttackClass.JNDI_INJECTION, "jndi.lookup", 0.97, v, i, stop);
          return;
        }
        if (r.sawReadingLookup) {
          out.report(AttackClass.JNDI_INJECTION, "jndi.log4j-lookup", 0.75, v, i, stop);
        }
        i = s.indexOf("${", end < 0 ? i + 2 : end);
      }
    }
  }

  /** Resolves lookups the way Log4j does, bounded in depth and total work. */
  private static final class Resolver {
    private final String s;
    final long budget;
    long work;
    boolean sawJndi;
    boolean sawReadingLookup;
    boolean reachedEnd;

    Resolver(String s, long budget) {
      this.s = s;
      this.budget = budget;
    }

    /** Resolves the lookup at {@code i} ("${"), appends its value; returns the index after it. */
    int lookup(int i, StringBuilder out, int depth) {
      int n = s.length();
      StringBuilder body = new StringBuilder();
      int j = i + 2;
      while (j < n) {
        if (++work > budget) {
          return -1;
        }
        char c = s.charAt(j);
        if (c == '$' && j + 1 < n && s.charAt(j + 1) == '{' && depth < MAX_DEPTH) {
          int k = lookup(j, body, depth + 1);
          if (k < 0) {
            return -1;
          }
          j = k;
          continue;
        }
        if (c == '}') {
          out.append(evaluate(body.toString()));
          return j + 1;
        }
        body.append(c);
        j++;
      }
      // never closed: what Log4j would print literally, but the prefix may still show intent
      reachedEnd = true;
      String partial = body.toString().toLowerCase(Locale.ROOT).trim();
      if (partial.startsWith("jndi:")) {
        sawJndi = true;
      }
      return -1;
    }

    private String evaluate(String body) {
      String lower = body.toLowerCase(Locale.ROOT);
      if (lower.trim().startsWith("jndi:")) {
        sawJndi = true;
        return body;
      }
      int colon = body.indexOf(':');
      String prefix = colon < 0 ? "" : lower.substring(0, colon).trim();
      if (colon >= 0 && READING_LOOKUPS.contains(prefix)) {
        sawReadingLookup = true;
      }
      int dflt = body.indexOf(":-");
      if (dflt >= 0) {
        return body.substring(dflt + 2);
      }
      if (colon < 0) {
        return "";
      }
      String key = body.substring(colon + 1);
      switch (prefix) {
        case "lower":
          return key.toLowerCase(Locale.ROOT);
        case "upper":
          return key.toUpperCase(Locale.ROOT);
        case "date":
          return key.replace("'", "");
        default:
          return "";
      }
    }
  }
}
