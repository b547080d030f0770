package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code uv.lock} (TOML). The project's own packages ({@code source = { editable | virtual }})
 * are the roots: their {@code dependencies} and {@code optional-dependencies} are runtime, their
 * {@code dev-dependencies} development; scope spreads along the edges.
 */
public final class UvLockParser implements ManifestParser {

  private record Ref(String name, @Nullable String version) {}

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.toml(file, "package");
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    Map<String, Comp> comps = new LinkedHashMap<>();
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<Comp, List<Ref>> refs = new LinkedHashMap<>();
    List<Ref> runtimeRootRefs = new ArrayList<>();
    List<Ref> devRootRefs = new ArrayList<>();
    for (Tree t : ((Tree.Obj) tree).arr("package")) {
      if (!(t instanceof Tree.Obj pkg)) {
        continue;
      }
      String name = pkg.str("name");
      String version = pkg.str("version");
      if (name == null) {
        errors.add(file.error(pkg.line(), ScanError.Kind.INVALID, "package without a name"));
        continue;
      }
      Tree.Obj source = pkg.obj("source");
      boolean own = source != null && (source.get("editable") != null || source.get("virtual") != null);
      boolean local = source != null && (source.get("path") != null || source.get("directory") != null);
      if (own) {
        runtimeRootRefs.addAll(refs(pkg.arr("dependencies")));
        addGroups(pkg.obj("optional-dependencies"), runtimeRootRefs);
        addGroups(pkg.obj("dev-dependencies"), devRootRefs);
        continue;
      }
      if (local) {
        continue;
      }
      if (version == null) {
        errors.add(file.error(pkg.line(), ScanError.Kind.INVALID, "package " + name + " has no version"));
        continue;
      }
      boolean registry = source == null || source.get("registry") != null;
      Comp c = new Comp(Ecosystem.PYPI, Names.pypi(name), version)
          .kind(registry ? VersionKind.EXACT : VersionKind.DECLARED_RANGE)
          .at(file.at(pkg.line()));
      Tree.Obj sdist = pkg.obj("sdist");
      List<Tree> wheels = pkg.arr("wheels");
      if (sdist != null && wheels.isEmpty() && sdist.str("hash") != null) {
        c.prefixedHash(sdist.str("hash"));
      } else if (sdist == null && wheels.size() == 1 && wheels.get(0) instanceof Tree.Obj w
          && w.str("hash") != null) {
        c.prefixedHash(w.str("hash"));
      }
      List<Ref> deps = new ArrayList<>(refs(pkg.arr("dependencies")));
      addGroups(pkg.obj("optional-dependencies"), deps);
      refs.put(c, deps);
      comps.put(c.key(), c);
      byName.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c.key());
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (Map.Entry<Comp, List<Ref>> e : refs.entrySet()) {
      List<String> keys = new ArrayList<>();
      for (Ref r : e.getValue()) {
        String k = keyOf(r, byName);
        if (k != null) {
          e.getKey().dependsOn(k);
          keys.add(k);
        }
      }
      edges.put(e.getKey().key(), keys);
    }
    Set<String> runtimeRoots = keys(runtimeRootRefs, byName);
    Set<String> devRoots = keys(devRootRefs, byName);
    Map<String, Scope> scopes = Graphs.scopes(edges, runtimeRoots, devRoots);
    List<Component> out = new ArrayList<>();
    for (Comp c : comps.values()) {
      c.direct(runtimeRoots.contains(c.key()) || devRoots.contains(c.key()));
      c.scope(scopes.getOrDefault(c.key(), Scope.UNKNOWN));
      out.add(c.build());
    }
    return new ReadResult(out, errors);
  }

  private static void addGroups(Tree.@Nullable Obj groups, List<Ref> into) {
    if (groups != null) {
      for (Tree g : groups.fields().values()) {
        if (g instanceof Tree.Arr a) {
          into.addAll(refs(a.items()));
        }
      }
    }
  }

  private static List<Ref> refs(List<Tree> items) {
    List<Ref> out = new ArrayList<>();
    for (Tree t : items) {
      if (t instanceof Tree.Obj o && o.str("name") != null) {
        out.add(new Ref(Names.pypi(o.str("name")), o.str("version")));
      }
    }
    return out;
  }

  private static @Nullable String keyOf(Ref r, Map<String, List<String>> byName) {
    List<String> keys = byName.get(r.name());
    if (keys == null) {
      return null;
    }
    if (r.version() != null) {
      String k = "pypi:" + r.name() + "@" + r.version();
      return keys.contains(k) ? k : null;
    }
    return keys.get(0);
  }

  private static Set<String> keys(List<Ref> refs, Map<String, List<String>> byName) {
    Set<String> out = new LinkedHashSet<>();
    for (Ref r : refs) {
      String k = keyOf(r, byName);
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }
}
