package dev.bulwark.deps.internal.readers;

import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Components deduplicated by key. Merging keeps the most precise version kind, the first source
 * that has a line (else the first), the most shipped scope, the union of hashes, edges and
 * licenses, and {@code direct} when any copy says so. A declared range is dropped when the same
 * package is also known with an exact version.
 */
public final class ComponentSet {
  private final Map<String, Component> byKey = new LinkedHashMap<>();

  public void add(Component c) {
    byKey.merge(c.key(), c, ComponentSet::merge);
  }

  public void addAll(List<Component> cs) {
    cs.forEach(this::add);
  }

  public int size() {
    return byKey.size();
  }

  /** The merged components, declared ranges superseded by an exact version left out. */
  public List<Component> components() {
    Set<String> exact = new HashSet<>();
    for (Component c : byKey.values()) {
      if (c.versionKind() == VersionKind.EXACT) {
        exact.add(c.packageKey());
      }
    }
    List<Component> out = new ArrayList<>(byKey.size());
    for (Component c : byKey.values()) {
      if (c.versionKind() != VersionKind.DECLARED_RANGE || !exact.contains(c.packageKey())) {
        out.add(c);
      }
    }
    return out;
  }

  static Component merge(Component a, Component b) {
    VersionKind kind =
        a.versionKind().ordinal() <= b.versionKind().ordinal() ? a.versionKind() : b.versionKind();
    var source = a.source().hasLine() || !b.source().hasLine() ? a.source() : b.source();
    Map<String, String> hashes = new LinkedHashMap<>(a.hashes());
    b.hashes().forEach(hashes::putIfAbsent);
    Set<String> deps = new LinkedHashSet<>(a.dependsOn());
    deps.addAll(b.dependsOn());
    Set<String> licenses = new LinkedHashSet<>(a.licenses());
    licenses.addAll(b.licenses());
    Map<String, String> properties = new LinkedHashMap<>(a.properties());
    b.properties().forEach(properties::putIfAbsent);
    return new Component(
        a.ecosystem(),
        a.name(),
        a.version(),
        kind,
        source,
        scope(a.scope(), b.scope()),
        a.direct() || b.direct(),
        hashes,
        List.copyOf(deps),
        List.copyOf(licenses),
        properties);
  }

  /** Runtime wins over everything; a known scope wins over unknown. */
  private static Scope scope(Scope a, Scope b) {
    if (a == Scope.RUNTIME || b == Scope.RUNTIME) {
      return Scope.RUNTIME;
    }
    if (a == Scope.UNKNOWN) {
      return b;
    }
    if (b == Scope.UNKNOWN) {
      return a;
    }
    return a == Scope.DEVELOPMENT || b == Scope.DEVELOPMENT ? Scope.DEVELOPMENT : Scope.TEST;
  }
}
