package dev.bulwark.deps.internal.version;

import dev.bulwark.deps.Ecosystem;

/** The version scheme of each ecosystem, and SemVer for OSV's {@code SEMVER} ranges. */
public final class VersionSchemes {

  private VersionSchemes() {}

  public static VersionScheme of(Ecosystem ecosystem) {
    switch (ecosystem) {
      case MAVEN:
        return MavenScheme.INSTANCE;
      case NPM:
        return SemVerScheme.INSTANCE;
      case PYPI:
        return Pep440Scheme.INSTANCE;
      case GO:
        return GoScheme.INSTANCE;
      default:
        throw new IllegalArgumentException("no version scheme for " + ecosystem);
    }
  }

  public static SemVerScheme semver() {
    return SemVerScheme.INSTANCE;
  }

  public static Pep440Scheme pep440() {
    return Pep440Scheme.INSTANCE;
  }

  public static GoScheme go() {
    return GoScheme.INSTANCE;
  }

  public static MavenScheme maven() {
    return MavenScheme.INSTANCE;
  }
}
