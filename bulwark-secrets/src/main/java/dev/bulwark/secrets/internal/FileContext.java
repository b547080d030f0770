package dev.bulwark.secrets.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What the name of a file says about how to read it: whether secrets in it are quoted literals
 * (source code) or may be bare values (configuration), and whether it is a lock file or an SVG,
 * where only the most specific detectors are trusted.
 *
 * @param display the file as shown to the user
 * @param code source code: a generic secret must be a quoted literal
 * @param lockFile a dependency lock file (hashes and URLs, no hand-written values)
 * @param svg an SVG image (path data and embedded base64)
 * @param minifiedByName a {@code .min.js}-style bundle
 * @param mayBeMinified a kind of file that bundlers write (JavaScript, CSS, HTML, JSON): worth
 *     checking for very long lines
 */
record FileContext(String display, boolean code, boolean lockFile, boolean svg,
    boolean minifiedByName, boolean mayBeMinified) {

  private static final Set<String> CODE = Set.of(
      "java", "kt", "kts", "scala", "groovy", "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts",
      "py", "rb", "go", "rs", "cs", "fs", "vb", "php", "swift", "c", "h", "cc", "cpp", "hpp", "m",
      "dart", "lua", "pl", "pm", "r", "ex", "exs", "clj", "erl", "vue", "svelte");

  private static final Set<String> BUNDLED =
      Set.of("js", "mjs", "cjs", "css", "html", "htm", "json", "map");

  private static final Set<String> LOCK_FILES = Set.of(
      "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
      "gemfile.lock", "poetry.lock", "pipfile.lock", "pdm.lock", "uv.lock", "cargo.lock", "go.sum",
      "composer.lock", "packages.lock.json", "gradle.lockfile", "mix.lock", "pubspec.lock",
      "podfile.lock", "flake.lock");

  static FileContext of(String display) {
    String name = baseName(display).toLowerCase(Locale.ROOT);
    String ext = extension(name);
    boolean minified = name.contains(".min.") || name.endsWith("-min.js")
        || name.endsWith(".bundle.js") || name.endsWith(".chunk.js");
    return new FileContext(display, CODE.contains(ext), LOCK_FILES.contains(name),
        ext.equals("svg"), minified, BUNDLED.contains(ext));
  }

  /** The last path segment of a display name; archive entries use {@code !/} and {@code /}. */
  static String baseName(String display) {
    int slash = Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\'));
    return display.substring(slash + 1);
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
