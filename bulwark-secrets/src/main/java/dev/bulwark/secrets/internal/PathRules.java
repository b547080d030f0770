package dev.bulwark.secrets.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Which paths are scanned: folders skipped by name (dependencies, build output, VCS data), test
 * folders (on by default), archives by extension, and binaries known by extension.
 */
final class PathRules {

  static final Set<String> ARCHIVES =
      Set.of("zip", "jar", "war", "ear", "whl", "egg", "nupkg", "aar");

  private static final Set<String> BINARIES = Set.of(
      "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "psd", "pdf", "woff",
      "woff2", "ttf", "otf", "eot", "mp3", "mp4", "m4a", "wav", "ogg", "avi", "mov", "webm",
      "class", "pyc", "pyo", "so", "dll", "dylib", "exe", "bin", "o", "a", "lib", "obj", "wasm",
      "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "iso", "dmg", "sqlite", "db", "parquet",
      "avro", "orc", "jks", "p12", "pfx", "keystore", "node");

  private final boolean skipTestFolders;
  private final Set<String> testFolders;
  private final Set<String> skippedFolders;
  private final boolean scanArchives;

  /**
   * @param testFolders folder names (compared ignoring case) whose contents are skipped when
   *     {@code skipTestFolders}
   * @param skippedFolders folder names (exact) never walked
   */
  PathRules(boolean skipTestFolders, Set<String> testFolders, Set<String> skippedFolders,
      boolean scanArchives) {
    this.skipTestFolders = skipTestFolders;
    this.testFolders = testFolders.stream().map(s -> s.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.skippedFolders = Set.copyOf(skippedFolders);
    this.scanArchives = scanArchives;
  }

  /** Whether a folder met while walking (not the root) is entered. */
  boolean wantsFolder(String name) {
    return !skippedFolders.contains(name)
        && !(skipTestFolders && testFolders.contains(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether an archive entry is scanned, judged by the folders in its path. */
  boolean wantsArchiveEntry(String name) {
    java.util.List<String> parts = segments(name);
    for (int i = 0; i < parts.size() - 1; i++) {
      if (!parts.get(i).isEmpty() && !wantsFolder(parts.get(i))) {
        return false;
      }
    }
    return scanArchives || !isArchiveName(name);
  }

  boolean scanArchives() {
    return scanArchives;
  }

  static boolean isArchiveName(String name) {
    return ARCHIVES.contains(extension(name));
  }

  static boolean isBinaryName(String name) {
    return BINARIES.contains(extension(name));
  }

  private static String extension(String name) {
    return FileContext.extension(FileContext.baseName(name).toLowerCase(Locale.ROOT));
  }

  /** An entry name that would land outside the folder it is extracted to. */
  static boolean escapes(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.indexOf('\0') >= 0
        || (n.length() >= 2 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0)))) {
      return true;
    }
    return segments(n).contains("..");
  }

  /** The parts of a path between {@code /} or {@code \\} separators. */
  static java.util.List<String> segments(String path) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/' || path.charAt(i) == '\\') {
        out.add(path.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** A name safe to print: control characters replaced, at most 300 characters. */
  static String printable(String name) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), 300));
    for (int i = 0; i < name.length() && b.length() < 300; i++) {
      char c = name.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return name.length() > 300 ? b + "…" : b.toString();
  }
}
