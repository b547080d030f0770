package dev.bulwark.deps.internal.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Semantic Versioning 2.0.0 version: {@code MAJOR.MINOR.PATCH}, an optional pre-release
 * ({@code -alpha.1}) and optional build metadata ({@code +build.5}, ignored when comparing).
 * Numbers have no size limit.
 */
public final class SemVer implements SchemeVersion {

  private static final String[] NO_IDENTIFIERS = new String[0];

  private final String text;
  private final String major;
  private final String minor;
  private final String patch;
  private final String[] pre;
  private final String build;

  private SemVer(
      String text, String major, String minor, String patch, String[] pre, String build) {
    this.text = text;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.build = build;
  }

  /**
   * Parses {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]} exactly as SemVer 2.0.0 defines it (no leading
   * zeros in numbers, no empty identifiers), from {@code body[from..]}.
   *
   * @param shorthand also accept {@code MAJOR} and {@code MAJOR.MINOR} (as {@code .0}) when no
   *     pre-release or build follows (Go's {@code v1}, {@code v1.2})
   */
  static @Nullable SemVer parse(String text, String body, int from, boolean shorthand) {
    int n = body.length();
    String[] core = {"0", "0", "0"};
    int i = from;
    int parts = 0;
    while (parts < 3) {
      int start = i;
      while (i < n && Digits.isDigit(body.charAt(i))) {
        i++;
      }
      if (i == start || (i - start > 1 && body.charAt(start) == '0')) {
        return null;
      }
      core[parts++] = body.substring(start, i);
      if (parts < 3) {
        if (i < n && body.charAt(i) == '.') {
          i++;
        } else if (shorthand && i == n) {
          break;
        } else {
          return null;
        }
      }
    }
    if (parts < 3) {
      return new SemVer(text, core[0], core[1], core[2], NO_IDENTIFIERS, "");
    }
    String[] pre = NO_IDENTIFIERS;
    if (i < n && body.charAt(i) == '-') {
      int end = i + 1;
      while (end < n && body.charAt(end) != '+') {
        end++;
      }
      pre = identifiers(body, i + 1, end, true);
      if (pre == null) {
        return null;
      }
      i = end;
    }
    String build = "";
    if (i < n && body.charAt(i) == '+') {
      if (identifiers(body, i + 1, n, false) == null) {
        return null;
      }
      build = body.substring(i + 1);
      i = n;
    }
    if (i != n) {
      return null;
    }
    return new SemVer(text, core[0], core[1], core[2], pre, build);
  }

  private static String @Nullable [] identifiers(String s, int from, int to, boolean prerelease) {
    if (from >= to) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        if (i == start) {
          return null;
        }
        if (prerelease
            && Digits.allDigits(s, start, i)
            && i - start > 1
            && s.charAt(start) == '0') {
          return null;
        }
        out.add(s.substring(start, i));
        start = i + 1;
      } else if (!isIdentifierChar(s.charAt(i))) {
        return null;
      }
    }
    return out.toArray(NO_IDENTIFIERS);
  }

  private static boolean isIdentifierChar(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
  }

  @Override
  public String text() {
    return text;
  }

  /** Pre-release identifiers; empty for a release. */
  public List<String> prerelease() {
    return List.of(pre);
  }

  /** Build metadata without the {@code +}; empty when absent. */
  public String build() {
    return build;
  }

  public boolean isPrerelease() {
    return pre.length > 0;
  }

  String minor() {
    return minor;
  }

  String patch() {
    return patch;
  }

  @Override
  public int compareTo(SchemeVersion other) {
    SemVer o = (SemVer) other;
    int c = Digits.compare(major, o.major);
    if (c == 0) {
      c = Digits.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Digits.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.length == 0 || o.pre.length == 0) {
      return Integer.compare(o.pre.length == 0 ? 0 : 1, pre.length == 0 ? 0 : 1);
    }
    for (int k = 0; k < Math.min(pre.length, o.pre.length); k++) {
      c = compareIdentifiers(pre[k], o.pre[k]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pre.length, o.pre.length);
  }

  private static int compareIdentifiers(String a, String b) {
    boolean an = Digits.allDigits(a, 0, a.length());
    boolean bn = Digits.allDigits(b, 0, b.length());
    if (an && bn) {
      return Digits.compare(a, b);
    }
    if (an != bn) {
      return an ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SemVer s && compareTo(s) == 0;
  }

  @Override
  public int hashCode() {
    return ((major.hashCode() * 31 + minor.hashCode()) * 31 + patch.hashCode()) * 31
        + Arrays.hashCode(pre);
  }

  @Override
  public String toString() {
    return text;
  }
}
