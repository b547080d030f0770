package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * XML external entities: {@code <!ENTITY name SYSTEM "…">} and {@code PUBLIC} declarations,
 * parameter entities, entity-expansion bombs, a {@code DOCTYPE} that loads an external DTD (other
 * than the W3C's own), and XInclude. A plain {@code <!DOCTYPE html>} is not reported.
 */
public final class XxeAnalyser extends Analyser {

  private static final int MAX_DECLARATION = 2048;

  @Override
  public int triggers() {
    return Subject.LT;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.XXE;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      String l = subject.lower(v);
      if ((f & Subject.LT) == 0) {
        continue;
      }
      if ((f & Subject.BANG) != 0) {
        entities(l, v, out);
        doctype(l, v, out);
      }
      if ((f & Subject.COLON) != 0 || l.contains("xinclude")) {
        xinclude(l, v, out);
      }
    }
  }

  private static void entities(String l, int v, Findings out) {
    int i = l.indexOf("<!entity");
    int internal = 0;
    int firstInternal = -1;
    while (i >= 0) {
      int end = Math.min(l.length(), i + MAX_DECLARATION);
      int j = skipBlanks(l, i + 8, end);
      boolean parameter = j < end && l.charAt(j) == '%';
      if (parameter) {
        j = skipBlanks(l, j + 1, end);
      }
      // the entity's name
      while (j < end && !Ascii.isSpaceOrControl(l.charAt(j)) && l.charAt(j) != '>') {
        j++;
      }
      j = skipBlanks(l, j, end);
      if (l.startsWith("system", j) || l.startsWith("public", j)) {
        out.report(AttackClass.XXE, parameter ? "xxe.parameter-entity" : "xxe.external-entity",
            0.95, v, i, Math.min(end, i + 64));
        return;
      }
      if (parameter) {
        out.report(AttackClass.XXE, "xxe.parameter-entity", 0.9, v, i, Math.min(end, i + 64));
        return;
      }
      internal++;
      if (firstInternal < 0) {
        firstInternal = i;
      }
      int close = declarationEnd(l, j, end);
      int amp = close < 0 ? -1 : Ascii.indexOf(l, "&", j, close);
      if (close > 0 && amp >= 0) {
        // an entity whose value refers to other entities: the billion-laughs pattern
        out.report(AttackClass.XXE, "xxe.entity-expansion", 0.9, v, i, Math.min(end, i + 64));
        return;
      }
      i = l.indexOf("<!entity", i + 8);
    }
    if (internal > 0) {
      out.report(AttackClass.XXE, "xxe.entity-declaration", 0.75, v, firstInternal,
          Math.min(l.length(), firstInternal + 64));
    }
  }

  private static void doctype(String l, int v, Findings out) {
    int i = l.indexOf("<!doctype");
    while (i >= 0) {
      int end = Math.min(l.length(), i + MAX_DECLARATION);
      // the declaration's head ends at '>' or at the internal subset's '['
      int declEnd = i + 9;
      while (declEnd < end && l.charAt(declEnd) != '>' && l.charAt(declEnd) != '['
          && l.charAt(declEnd) != '<') {
        declEnd++;
      }
      int system = indexOf(l, " system", i, declEnd);
      int pub = indexOf(l, " public", i, declEnd);
      if (system >= 0 || pub >= 0) {
        int from = system >= 0 ? system : pub;
        String decl = l.substring(from, declEnd);
        if (!decl.contains("w3.org/")) {
          out.report(AttackClass.XXE, "xxe.external-dtd", 0.85, v, i, Math.min(end, i + 64));
          return;
        }
      }
      i = l.indexOf("<!doctype", i + 9);
    }
  }

  private static void xinclude(String l, int v, Findings out) {
    int i = l.indexOf("xi:include");
    if (i < 0) {
      i = l.indexOf("w3.org/2001/xinclude");
    }
    if (i >= 0) {
      out.report(AttackClass.XXE, "xxe.xinclude", 0.85, v, Math.max(0, i - 1),
          Math.min(l.length(), i + 64));
    }
  }

  /** The '>' that ends a declaration, or -1 when another '<' or {@code end} comes first. */
  private static int declarationEnd(String l, int from, int end) {
    for (int k = from; k < end; k++) {
      char c = l.charAt(k);
      if (c == '>') {
        return k;
      }
      if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  private static int indexOf(String l, String what, int from, int to) {
    return Ascii.indexOf(l, what, from, to + what.length());
  }

  private static int skipBlanks(String l, int i, int end) {
    while (i < end && Ascii.isSpaceOrControl(l.charAt(i))) {
      i++;
    }
    return i;
  }
}
