package dev.bulwark.deps.internal.version;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.jspecify.annotations.Nullable;

/**
 * Maven versions, ordered by Maven's own {@code ComparableVersion} (the version of
 * {@code maven-artifact} pinned in the module's pom is the one whose ordering agrees with the OSV
 * ordering vectors). Maven accepts any string as a version; blank strings, strings with blanks or
 * control characters and strings over 256 characters are refused here because no repository
 * serves such versions.
 */
public final class MavenScheme implements VersionScheme {

  static final MavenScheme INSTANCE = new MavenScheme();

  private static final int MAX_LENGTH = 256;

  /** The {@code maven-artifact} release this module was built and tested with. */
  public static final String PINNED_RELEASE = "3.8.6";

  private MavenScheme() {}

  /**
   * The {@code maven-artifact} release on the class path, or {@code "unknown"}. A build that
   * manages {@code maven-artifact} to another release than {@link #PINNED_RELEASE} orders some
   * versions differently (see docs/vulnerabilities.md).
   */
  public static String implementationRelease() {
    Package p = ComparableVersion.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "unknown" : v;
  }

  @Override
  public String name() {
    return "Maven";
  }

  @Override
  public @Nullable SchemeVersion tryParse(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return null;
      }
    }
    return new MavenVersion(text, new ComparableVersion(s));
  }

  private static final class MavenVersion implements SchemeVersion {
    private final String text;
    private final ComparableVersion version;
    private final String canonical;

    MavenVersion(String text, ComparableVersion version) {
      this.text = text;
      this.version = version;
      this.canonical = version.getCanonical();
    }

    @Override
    public String text() {
      return text;
    }

    @Override
    public int compareTo(SchemeVersion o) {
      return Integer.signum(version.compareTo(((MavenVersion) o).version));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MavenVersion m && canonical.equals(m.canonical);
    }

    @Override
    public int hashCode() {
      return canonical.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
