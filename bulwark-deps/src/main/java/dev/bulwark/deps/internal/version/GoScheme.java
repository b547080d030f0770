package dev.bulwark.deps.internal.version;

import org.jspecify.annotations.Nullable;

/**
 * Go module versions: SemVer with a {@code v} prefix ({@code v1.2.3}; OSV writes them without
 * it), Go's shorthands {@code v1} and {@code v1.2}, {@code +incompatible} (build metadata, so
 * ignored in comparisons), pseudo-versions ({@code v0.0.0-20210101000000-abcdef123456}, which
 * order by their timestamp as SemVer pre-releases do), and Go release tags of the standard
 * library ({@code go1.21.3}, {@code go1.21rc2} read as {@code 1.21.0-rc.2}; a toolchain's
 * experiment suffix, as in {@code go1.21.3 X:boringcrypto}, is ignored).
 */
public final class GoScheme implements VersionScheme {

  static final GoScheme INSTANCE = new GoScheme();

  private GoScheme() {}

  @Override
  public String name() {
    return "Go";
  }

  @Override
  public @Nullable SemVer tryParse(String text) {
    String body = text.strip();
    if (body.startsWith("go") && body.length() > 2 && Digits.isDigit(body.charAt(2))) {
      int end = 2;
      while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
        end++;
      }
      String semver = goTagToSemver(body.substring(2, end));
      return semver == null ? null : SemVer.parse(text, semver, 0, false);
    }
    int from = body.startsWith("v") ? 1 : 0;
    return SemVer.parse(text, body, from, true);
  }

  /** {@code 1.21rc2} → {@code 1.21.0-rc.2}; {@code 1.21} → {@code 1.21.0}; {@code 1} → {@code 1.0.0}. */
  private static @Nullable String goTagToSemver(String tag) {
    int i = 0;
    int dots = 0;
    while (i < tag.length() && (Digits.isDigit(tag.charAt(i)) || tag.charAt(i) == '.')) {
      dots += tag.charAt(i) == '.' ? 1 : 0;
      i++;
    }
    String release = tag.substring(0, i);
    String rest = tag.substring(i);
    if (release.endsWith(".") || dots > 2) {
      return null;
    }
    String core = dots == 0 ? release + ".0.0" : dots == 1 ? release + ".0" : release;
    if (rest.isEmpty()) {
      return core;
    }
    for (String kind : new String[] {"beta", "rc"}) {
      if (rest.startsWith(kind) && Digits.allDigits(rest, kind.length(), rest.length())) {
        return core + "-" + kind + "." + rest.substring(kind.length());
      }
    }
    return null;
  }

  /**
   * True for a pseudo-version: {@code vX.0.0-yyyymmddhhmmss-abcdef123456}, {@code
   * vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef123456} or {@code vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef123456}.
   */
  public static boolean isPseudoVersion(SemVer v) {
    var pre = v.prerelease();
    if (pre.isEmpty()) {
      return false;
    }
    String last = pre.get(pre.size() - 1);
    int dash = last.indexOf('-');
    if (dash != 14 || !Digits.allDigits(last, 0, 14) || last.length() == 15) {
      return false;
    }
    for (int i = 15; i < last.length(); i++) {
      char c = last.charAt(i);
      if (!(Digits.isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    if (pre.size() == 1) {
      return v.minor().equals("0") && v.patch().equals("0");
    }
    return pre.get(pre.size() - 2).equals("0");
  }
}
