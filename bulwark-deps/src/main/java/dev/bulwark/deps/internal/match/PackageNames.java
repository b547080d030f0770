package dev.bulwark.deps.internal.match;

import dev.bulwark.deps.Ecosystem;
import java.util.Locale;

/**
 * Package names as each ecosystem compares them: PyPI by PEP 503 (case-insensitive, runs of
 * {@code -}, {@code _} and {@code .} equal), npm case-insensitively (with a percent-encoded scope
 * as in package URLs decoded), Maven ({@code group:artifact}) and Go module paths exactly.
 */
public final class PackageNames {

  private PackageNames() {}

  public static String normalise(Ecosystem ecosystem, String name) {
    String n = name.strip();
    switch (ecosystem) {
      case PYPI:
        return pep503(n);
      case NPM:
        return n.replace("%40", "@").replace("%2F", "/").replace("%2f", "/")
            .toLowerCase(Locale.ROOT);
      default:
        return n;
    }
  }

  private static String pep503(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean separator = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        separator = true;
        continue;
      }
      if (separator) {
        b.append('-');
        separator = false;
      }
      b.append(Character.toLowerCase(c));
    }
    if (separator) {
      b.append('-');
    }
    return b.toString();
  }
}
