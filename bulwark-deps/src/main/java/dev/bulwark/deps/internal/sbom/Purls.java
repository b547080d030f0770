package dev.bulwark.deps.internal.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.VersionKind;
import org.jspecify.annotations.Nullable;

/** Package-urls for components ({@code pkg:npm/%40scope/name@1.0.0}, {@code pkg:maven/g/a@v}). */
public final class Purls {
  private Purls() {}

  /** Namespace and name as the ecosystem's purl type splits them. */
  record Coordinates(@Nullable String namespace, String name) {}

  static Coordinates coordinates(Component c) {
    String n = c.name();
    switch (c.ecosystem()) {
      case MAVEN -> {
        int colon = n.indexOf(':');
        return colon > 0 ? new Coordinates(n.substring(0, colon), n.substring(colon + 1)) : new Coordinates(null, n);
      }
      case NPM -> {
        int slash = n.indexOf('/');
        return n.startsWith("@") && slash > 0
            ? new Coordinates(n.substring(0, slash), n.substring(slash + 1))
            : new Coordinates(null, n);
      }
      case GO -> {
        int slash = n.lastIndexOf('/');
        return slash > 0 ? new Coordinates(n.substring(0, slash), n.substring(slash + 1)) : new Coordinates(null, n);
      }
      default -> {
        return new Coordinates(null, n);
      }
    }
  }

  /** The purl, without a version for a declared range; null when the name cannot be encoded. */
  public static @Nullable String of(Component c) {
    Coordinates co = coordinates(c);
    String version = c.versionKind() == VersionKind.DECLARED_RANGE ? null : c.version();
    try {
      return new PackageURL(c.ecosystem().purlType(), co.namespace(), co.name(), version, null, null)
          .canonicalize();
    } catch (MalformedPackageURLException | RuntimeException e) {
      return null;
    }
  }
}
