package dev.bulwark.deps.internal.readers;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which file goes to which parser: one table of path patterns, sorted by pattern. A pattern is
 * matched against the {@code /}-separated path relative to the input (or inside an archive);
 * {@code *} matches within one segment, {@code **} any number of segments. A {@code **} does not
 * descend into {@code node_modules} unless the pattern names it, so a project's own files are
 * never taken from installed packages. No path matches two rows of different formats (a test
 * checks it).
 */
public final class Detection {

  record Row(String pattern, Format format) {}

  static final List<Row> TABLE =
      List.of(
          new Row("**/*.dist-info/METADATA", Format.PYTHON_METADATA),
          new Row("**/*.ear", Format.ARCHIVE),
          new Row("**/*.egg-info/PKG-INFO", Format.PYTHON_METADATA),
          new Row("**/*.jar", Format.ARCHIVE),
          new Row("**/*.war", Format.ARCHIVE),
          new Row("**/*.zip", Format.ARCHIVE),
          new Row("**/*requirements.txt", Format.REQUIREMENTS),
          new Row("**/Pipfile.lock", Format.PIPFILE_LOCK),
          new Row("**/bootstrap", Format.GO_BINARY),
          new Row("**/go.mod", Format.GO_MOD),
          new Row("**/go.sum", Format.GO_SUM),
          new Row("**/gradle.lockfile", Format.GRADLE_LOCKFILE),
          new Row("**/gradle/dependency-locks/*.lockfile", Format.GRADLE_LOCKFILE),
          new Row("**/node_modules/*/package.json", Format.NPM_INSTALLED),
          new Row("**/node_modules/.package-lock.json", Format.NPM_LOCK),
          new Row("**/node_modules/@*/*/package.json", Format.NPM_INSTALLED),
          new Row("**/npm-shrinkwrap.json", Format.NPM_LOCK),
          new Row("**/package-lock.json", Format.NPM_LOCK),
          new Row("**/package.json", Format.NPM_MANIFEST),
          new Row("**/pnpm-lock.yaml", Format.PNPM_LOCK),
          new Row("**/poetry.lock", Format.POETRY_LOCK),
          new Row("**/pom.xml", Format.MAVEN_POM),
          new Row("**/requirements*.txt", Format.REQUIREMENTS),
          new Row("**/requirements/*.txt", Format.REQUIREMENTS),
          new Row("**/uv.lock", Format.UV_LOCK),
          new Row("**/yarn.lock", Format.YARN_LOCK));

  private Detection() {}

  /** The format of the file at {@code relativePath}, or null when no reader wants it. */
  public static @Nullable Format detect(String relativePath) {
    String[] segments = segments(relativePath);
    for (Row row : TABLE) {
      if (matches(row, segments)) {
        return row.format;
      }
    }
    return null;
  }

  static String[] segments(String relativePath) {
    String path = relativePath.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    return Text.split(path, '/');
  }

  static boolean matches(Row row, String[] segments) {
    return match(Text.split(row.pattern, '/'), 0, segments, 0, row.pattern.contains("node_modules"));
  }

  /** True for names of archives the artifact reader opens. */
  public static boolean isArchiveName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear");
  }

  private static boolean match(String[] pat, int pi, String[] segs, int si, boolean crossNodeModules) {
    if (pi == pat.length) {
      return si == segs.length;
    }
    if (pat[pi].equals("**")) {
      for (int k = si; k <= segs.length; k++) {
        if (match(pat, pi + 1, segs, k, crossNodeModules)) {
          return true;
        }
        if (k < segs.length && !crossNodeModules && segs[k].equals("node_modules")) {
          return false;
        }
      }
      return false;
    }
    if (si == segs.length || !glob(pat[pi], segs[si])) {
      return false;
    }
    return match(pat, pi + 1, segs, si + 1, crossNodeModules);
  }

  /** One segment against a pattern with {@code *} wildcards (case-sensitive, as the tools are). */
  static boolean glob(String pattern, String s) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(s);
    }
    String prefix = pattern.substring(0, star);
    String rest = pattern.substring(star + 1);
    if (!s.startsWith(prefix)) {
      return false;
    }
    if (rest.indexOf('*') < 0) {
      return s.length() >= prefix.length() + rest.length() && s.endsWith(rest);
    }
    for (int i = prefix.length(); i <= s.length(); i++) {
      if (glob(rest, s.substring(i))) {
        return true;
      }
    }
    return false;
  }
}
