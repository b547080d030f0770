package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Input;

/**
 * Path traversal and local file inclusion: runs of {@code ../} (also {@code ..\}, {@code ..;/},
 * the {@code ....//} filter bypass and, through the extra decoding layer, encoded and overlong
 * forms), well-known sensitive files ({@code /etc/passwd}, {@code win.ini}, {@code
 * /proc/self/environ}, …) and PHP-style stream wrappers ({@code php://filter}). A single {@code ../}
 * inside prose or markup ({@code <a href="../">}) is not reported; one at the start of a value or
 * anywhere in a raw path is.
 */
public final class PathTraversalAnalyser extends Analyser {

  private static final String[] SENSITIVE_FILES = {
    "/etc/passwd", "/etc/shadow", "/etc/group", "/etc/hosts", "/etc/issue", "/etc/sudoers",
    "/proc/self/environ", "/proc/self/cmdline", "/proc/self/fd", "/proc/self/maps",
    "/proc/version", "/proc/1/environ", "win.ini", "boot.ini", "system32/config/sam",
    "/windows/system32/", "web-inf/web.xml", "/.aws/credentials", "/.ssh/id_rsa",
    "/.ssh/authorized_keys", "/var/run/secrets/kubernetes.io", "/.bash_history",
    "/etc/environment", "/.git/config", "/.env"
  };

  private static final String[] WRAPPERS = {
    "php://filter", "php://input", "php://fd", "expect://", "zip://", "phar://", "glob://",
    "data://text/plain", "compress.zlib://"
  };

  @Override
  public int triggers() {
    return Subject.DOT | Subject.SLASH | Subject.BACKSLASH | Subject.COLON;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.PATH_TRAVERSAL;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    boolean rawPath = subject.kind() == Input.Kind.PATH;
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.DOT | Subject.SLASH | Subject.BACKSLASH | Subject.COLON)) == 0) {
        continue;
      }
      String t = subject.text(v);
      boolean dots = subject.hasPair(v, Subject.P_DOTDOT);
      boolean slashes = subject.hasPair(v, Subject.P_SENSITIVE);
      boolean wrapper = subject.hasPair(v, Subject.P_SCHEME) && t.contains("://");
      if (!dots && !slashes && !wrapper) {
        continue;
      }
      String l = subject.lower(v);
      if (dots) {
        traversal(l, v, rawPath, out);
      }
      if (slashes) {
        sensitiveFile(l, v, out);
      }
      if (wrapper) {
        wrapper(l, v, out);
      }
    }
  }

  private static void traversal(String l, int v, boolean rawPath, Findings out) {
    int n = l.length();
    int i = 0;
    while (i < n) {
      int dots = l.indexOf("..", i);
      if (dots < 0) {
        return;
      }
      // start of a run of traversal segments
      int runStart = dots;
      int segments = 0;
      int j = dots;
      while (j < n) {
        int e = segmentEnd(l, j);
        if (e < 0) {
          break;
        }
        segments++;
        j = e;
      }
      if (segments > 0) {
        boolean atStart = runStart == 0 || isBoundary(l.charAt(runStart - 1), runStart, l);
        String target = l.substring(j, Math.min(n, j + 48));
        if (segments >= 2 && atStart) {
          out.report(AttackClass.PATH_TRAVERSAL, "path.traversal", 0.9, v, runStart, j);
          return;
        }
        if (segments >= 1 && atStart && sensitiveTarget(target)) {
          out.report(AttackClass.PATH_TRAVERSAL, "path.traversal", 0.9, v, runStart,
              Math.min(n, j + 24));
          return;
        }
        if (segments >= 1 && rawPath && runStart > 0 && (l.charAt(runStart - 1) == '/'
            || l.charAt(runStart - 1) == '\\')) {
          out.report(AttackClass.PATH_TRAVERSAL, "path.traversal", 0.85, v, runStart, j);
          return;
        }
        if (segments >= 1 && runStart == 0) {
          out.report(AttackClass.PATH_TRAVERSAL, "path.traversal", 0.7, v, runStart, j);
        }
      }
      i = Math.max(j, dots + 2);
    }
  }

  /**
   * End of one traversal segment starting at {@code j} ("../", "..\", "..;/", "....//", ".../"),
   * or -1. A trailing ".." at the end of the text counts as a segment.
   */
  private static int segmentEnd(String l, int j) {
    int n = l.length();
    int k = j;
    int dots = 0;
    while (k < n && l.charAt(k) == '.') {
      k++;
      dots++;
    }
    if (dots < 2) {
      return -1;
    }
    if (k < n && l.charAt(k) == ';') {
      k++; // ..;/ (path parameters in Tomcat and friends)
    }
    int slashes = 0;
    while (k < n && (l.charAt(k) == '/' || l.charAt(k) == '\\') && slashes < 2) {
      k++;
      slashes++;
    }
    if (slashes == 0) {
      return k == n && dots == 2 ? k : -1;
    }
    if (dots > 2 && slashes < 2 && dots != 3) {
      return -1;
    }
    return k;
  }

  private static boolean isBoundary(char c, int at, String l) {
    return c == '/' || c == '\\' || c == '=' || c == ':' || c == '"' || c == '\'' || c == ' '
        || c == '\t' || c == 0 || c == ',' || c == '(' || c == '[' || c == '{' || c == '?'
        || c == '&';
  }

  private static boolean sensitiveTarget(String target) {
    String t = target.replace('\\', '/');
    for (String f : SENSITIVE_FILES) {
      String bare = f.startsWith("/") ? f.substring(1) : f;
      if (t.startsWith(bare)) {
        return true;
      }
    }
    return t.startsWith("etc/") || t.startsWith("windows/") || t.startsWith("proc/")
        || t.startsWith("var/") || t.startsWith("usr/") || t.startsWith("root/")
        || t.startsWith("home/") || t.startsWith("boot") || t.startsWith("winnt/");
  }

  /** Every sensitive name contains one of these: a cheap gate before looking for each. */
  private static final String[] SENSITIVE_ANCHORS = {
    "/etc/", "/proc/", ".ini", "/system32/", "web-inf/", "/.", "/var/run/secrets",
    "\\etc\\", "\\proc\\", "\\system32\\", "web-inf\\", "\\.", "\\var\\run\\secrets"
  };

  private static void sensitiveFile(String l, int v, Findings out) {
    boolean anchored = false;
    boolean backslash = l.indexOf('\\') >= 0;
    for (String a : SENSITIVE_ANCHORS) {
      if ((backslash || a.charAt(0) != '\\') && l.contains(a)) {
        anchored = true;
        break;
      }
    }
    if (!anchored) {
      return;
    }
    String t = backslash ? l.replace('\\', '/') : l;
    for (String f : SENSITIVE_FILES) {
      int i = t.indexOf(f);
      while (i >= 0) {
        int end = i + f.length();
        // the name must end there: /etc/passwd, not /etc/passwords-guide
        if (end < t.length() && (Ascii.isAlnum(t.charAt(end)) || t.charAt(end) == '_')
            && !f.endsWith("/")) {
          i = t.indexOf(f, i + 1);
          continue;
        }
        if (f.equals("/.env") && i > 0 && Ascii.isAlnum(t.charAt(i - 1))) {
          i = t.indexOf(f, i + 1);
          continue;
        }
        out.report(AttackClass.PATH_TRAVERSAL, "path.sensitive-file", 0.8, v, i, end);
        return;
      }
    }
  }

  private static void wrapper(String l, int v, Findings out) {
    for (String w : WRAPPERS) {
      int i = l.indexOf(w);
      if (i >= 0 && (i == 0 || !Ascii.isAlnum(l.charAt(i - 1)))) {
        out.report(AttackClass.PATH_TRAVERSAL, "path.stream-wrapper", 0.9, v, i,
            Math.min(l.length(), i + w.length() + 24));
        return;
      }
    }
  }
}
