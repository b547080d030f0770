package dev.bulwark.deps.internal.readers;

import java.util.Locale;

/** Package-name normalization per ecosystem. */
public final class Names {
  private Names() {}

  /** PEP 503: lower case, every run of {@code -}, {@code _} and {@code .} becomes one {@code -}. */
  public static String pypi(String name) {
    String n = name.trim();
    StringBuilder sb = new StringBuilder(n.length());
    boolean inRun = false;
    for (int i = 0; i < n.length(); i++) {
      char ch = n.charAt(i);
      if (ch == '-' || ch == '_' || ch == '.') {
        if (!inRun) {
          sb.append('-');
        }
        inRun = true;
      } else {
        sb.append(Character.toLowerCase(ch));
        inRun = false;
      }
    }
    return sb.toString();
  }

  /** npm names are lower case (the registry refuses new upper-case names; purl lower-cases). */
  public static String npm(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The package name at the end of an npm install path: {@code node_modules/a/node_modules/@s/b}
   * gives {@code @s/b}; null when the path does not end in a package folder.
   */
  public static @org.jspecify.annotations.Nullable String npmNameFromPath(String path) {
    int idx = path.lastIndexOf("node_modules/");
    if (idx < 0) {
      return null;
    }
    String rest = path.substring(idx + "node_modules/".length());
    if (rest.isEmpty()) {
      return null;
    }
    return rest;
  }

  /** Lower-case hex of bytes. */
  public static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
