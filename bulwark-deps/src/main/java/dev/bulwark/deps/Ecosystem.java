package dev.bulwark.deps;

import java.util.Locale;
import java.util.Optional;

/** A package ecosystem, with its OSV name and its package-url type. */
public enum Ecosystem {
  MAVEN("Maven", "maven"),
  NPM("npm", "npm"),
  PYPI("PyPI", "pypi"),
  GO("Go", "golang");

  private final String osvName;
  private final String purlType;

  Ecosystem(String osvName, String purlType) {
    this.osvName = osvName;
    this.purlType = purlType;
  }

  /** The name OSV uses in {@code affected[].package.ecosystem}. */
  public String osvName() {
    return osvName;
  }

  /** The package-url type ({@code pkg:<type>/...}). */
  public String purlType() {
    return purlType;
  }

  /** The ecosystem of an OSV ecosystem name (case-insensitive; {@code Go:…} suffixes ignored). */
  public static Optional<Ecosystem> fromOsv(String name) {
    String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    for (Ecosystem e : values()) {
      if (e.osvName.equalsIgnoreCase(base)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
