package dev.bulwark.deps;

import dev.bulwark.core.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One package a function ships (or declares).
 *
 * @param ecosystem the ecosystem
 * @param name the package name as its ecosystem spells it ({@code group:artifact} for Maven,
 *     {@code @scope/name} for npm, the project name for PyPI, the module path for Go)
 * @param version the version; for {@link VersionKind#DECLARED_RANGE} the declared range text
 * @param versionKind whether the version is exactly what ships or only what was declared
 * @param source the file (and line, when known) that declared it
 * @param scope runtime, development or test dependency, or unknown
 * @param direct true when declared directly by the project, false when transitive or unknown
 * @param hashes checksums by algorithm, as lowercase hex: the CycloneDX algorithm names ({@code
 *     SHA-1}, {@code SHA-256}, {@code SHA-512}, …) and {@code GO-H1} for a Go module's {@code h1:}
 *     directory hash from {@code go.sum}
 * @param dependsOn {@link #key()}s of the components this one depends on, when the lockfile says
 * @param licenses licenses as the package declares them (SPDX ids or expressions when it uses
 *     them), empty when unknown
 * @param properties further facts for the SBOM and reports, by name: {@code python:markers} (the
 *     environment markers of a requirement), {@code maven:type}, …
 */
public record Component(
    Ecosystem ecosystem,
    String name,
    String version,
    VersionKind versionKind,
    SourceLocation source,
    Scope scope,
    boolean direct,
    Map<String, String> hashes,
    List<String> dependsOn,
    List<String> licenses,
    Map<String, String> properties) {

  /** How reliable the version is. */
  public enum VersionKind {
    /** From a lockfile, an installed package or an artifact: what ships. */
    EXACT,
    /** Pinned in a manifest ({@code ==1.2.3}, a Maven version): what should ship. */
    PINNED,
    /** A range or placeholder in a manifest; not matched against advisories. */
    DECLARED_RANGE
  }

  /** Dependency scope. */
  public enum Scope {
    RUNTIME,
    DEVELOPMENT,
    TEST,
    UNKNOWN
  }

  public Component {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(versionKind, "versionKind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scope, "scope");
    hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    dependsOn = List.copyOf(dependsOn);
    licenses = List.copyOf(licenses);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** A component without licenses or properties. */
  public Component(
      Ecosystem ecosystem,
      String name,
      String version,
      VersionKind versionKind,
      SourceLocation source,
      Scope scope,
      boolean direct,
      Map<String, String> hashes,
      List<String> dependsOn) {
    this(
        ecosystem, name, version, versionKind, source, scope, direct, hashes, dependsOn,
        List.of(), Map.of());
  }

  /** The ecosystem and name, without the version: {@code npm:lodash}. */
  public String packageKey() {
    return ecosystem.label() + ":" + name;
  }

  /** {@code ecosystem:name@version}, unique within an inventory. */
  public String key() {
    return ecosystem.label() + ":" + name + "@" + version;
  }
}
