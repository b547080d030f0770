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
 * {@code pnpm-lock.yaml}, lockfile versions 5.x ({@code /name/1.0.0} keys), 6–8 ({@code
 * /name@1.0.0}) and 9 ({@code name@1.0.0}, edges in {@code snapshots}). Peer suffixes ({@code
 * (react@18.2.0)} or {@code _react@18.2.0}) are dropped from versions. Roots come from {@code
 * importers} (or the top level before workspaces); scope from {@code dev} flags, else from which
 * roots reach a package.
 */
public final class PnpmLockParser implements ManifestParser {

  private static final String[] ROOT_RUNTIME = {"dependencies", "optionalDependencies"};

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.yaml(file, Long.MAX_VALUE);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    if (!(tree instanceof Tree.Obj root) || root.get("lockfileVersion") == null) {
      return ReadResult.failed(
          file.error(tree.line(), ScanError.Kind.INVALID, "no lockfileVersion: not a pnpm lockfile"));
    }
    String lv = root.str("lockfileVersion");
    boolean v5 = lv != null && lv.startsWith("5");
    List<ScanError> errors = new ArrayList<>();
    Map<String, Comp> comps = new LinkedHashMap<>();
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Tree.Obj packages = root.obj("packages");
    Tree.Obj snapshots = root.obj("snapshots");
    if (packages != null) {
      for (Map.Entry<String, Tree> me : packages.fields().entrySet()) {
        if (!(me.getValue() instanceof Tree.Obj pkg)) {
          continue;
        }
        int line = packages.lineOf(me.getKey());
        String[] nv = packageKey(me.getKey(), v5);
        String name = pkg.str("name") != null ? pkg.str("name") : nv == null ? null : nv[0];
        String version = pkg.str("version") != null ? pkg.str("version") : nv == null ? null : nv[1];
        if (name == null || version == null) {
          errors.add(file.error(line, ScanError.Kind.INVALID, "cannot read package key " + me.getKey()));
          continue;
        }
        boolean registry = !version.isEmpty() && Character.isDigit(version.charAt(0));
        Comp c = new Comp(Ecosystem.NPM, Names.npm(name), version)
            .kind(registry ? VersionKind.EXACT : VersionKind.DECLARED_RANGE)
            .at(file.at(line));
        Tree.Obj resolution = pkg.obj("resolution");
        if (resolution != null && resolution.str("integrity") != null) {
          c.integrity(resolution.str("integrity"));
        }
        if (pkg.get("dev") != null) {
          c.scope(pkg.isTrue("dev") ? Scope.DEVELOPMENT : Scope.RUNTIME);
        }
        comps.putIfAbsent(c.key(), c);
        if (snapshots == null) {
          edges.put(c.key(), depKeys(pkg, v5));
        }
      }
    }
    if (snapshots != null) {
      for (Map.Entry<String, Tree> me : snapshots.fields().entrySet()) {
        String[] nv = packageKey(me.getKey(), false);
        if (nv == null || !(me.getValue() instanceof Tree.Obj snap)) {
          continue;
        }
        String key = "npm:" + Names.npm(nv[0]) + "@" + nv[1];
        edges.computeIfAbsent(key, k -> new ArrayList<>()).addAll(depKeys(snap, false));
      }
    }
    for (Map.Entry<String, List<String>> e : edges.entrySet()) {
      Comp c = comps.get(e.getKey());
      if (c != null) {
        for (String d : e.getValue()) {
          if (comps.containsKey(d)) {
            c.dependsOn(d);
          }
        }
      }
    }
    // roots
    Set<String> runtimeRoots = new LinkedHashSet<>();
    Set<String> devRoots = new LinkedHashSet<>();
    List<Tree.Obj> importers = new ArrayList<>();
    Tree.Obj imp = root.obj("importers");
    if (imp != null) {
      imp.fields().values().forEach(t -> {
        if (t instanceof Tree.Obj o) {
          importers.add(o);
        }
      });
    } else {
      importers.add(root);
    }
    for (Tree.Obj importer : importers) {
      for (String f : ROOT_RUNTIME) {
        runtimeRoots.addAll(rootKeys(importer.obj(f), v5));
      }
      devRoots.addAll(rootKeys(importer.obj("devDependencies"), v5));
    }
    Map<String, Scope> reach = Graphs.scopes(edges, runtimeRoots, devRoots);
    List<Component> out = new ArrayList<>(comps.size());
    for (Comp c : comps.values()) {
      String k = c.key();
      c.direct(runtimeRoots.contains(k) || devRoots.contains(k));
      if (c.scope == Scope.UNKNOWN && reach.containsKey(k)) {
        c.scope(reach.get(k));
      }
      out.add(c.build());
    }
    return new ReadResult(out, errors);
  }

  private static List<String> depKeys(Tree.Obj pkg, boolean v5) {
    List<String> out = new ArrayList<>();
    for (String f : ROOT_RUNTIME) {
      Tree.Obj deps = pkg.obj(f);
      if (deps == null) {
        continue;
      }
      for (Map.Entry<String, Tree> d : deps.fields().entrySet()) {
        if (d.getValue() instanceof Tree.Scalar s && s.text() != null) {
          String k = depKey(d.getKey(), s.text(), v5);
          if (k != null) {
            out.add(k);
          }
        }
      }
    }
    return out;
  }

  private static List<String> rootKeys(Tree.@Nullable Obj deps, boolean v5) {
    List<String> out = new ArrayList<>();
    if (deps == null) {
      return out;
    }
    for (Map.Entry<String, Tree> d : deps.fields().entrySet()) {
      String ref = null;
      if (d.getValue() instanceof Tree.Scalar s) {
        ref = s.text();
      } else if (d.getValue() instanceof Tree.Obj o) {
        ref = o.str("version");
      }
      if (ref != null) {
        String k = depKey(d.getKey(), ref, v5);
        if (k != null) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** The key a dependency reference points at: a version, or an aliased package key. */
  private static @Nullable String depKey(String name, String ref, boolean v5) {
    if (ref.startsWith("link:") || ref.startsWith("file:") || ref.startsWith("workspace:")) {
      return null;
    }
    String r = stripPeers(ref);
    if (r.startsWith("/") || (!r.isEmpty() && !Character.isDigit(r.charAt(0)) && r.indexOf('@', 1) > 0)) {
      String[] nv = packageKey(r, v5);
      return nv == null ? null : "npm:" + Names.npm(nv[0]) + "@" + nv[1];
    }
    if (v5 && r.indexOf('_') > 0) {
      r = r.substring(0, r.indexOf('_'));
    }
    return "npm:" + Names.npm(name) + "@" + r;
  }

  /** Name and version of a package key, or null when it has neither. */
  static String @Nullable [] packageKey(String key, boolean v5) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    k = stripPeers(k);
    if (v5) {
      // name/version[_peer@x]: the version starts after the last '/' followed by a digit
      for (int slash = k.lastIndexOf('/'); slash > 0; slash = k.lastIndexOf('/', slash - 1)) {
        if (slash + 1 < k.length() && Character.isDigit(k.charAt(slash + 1))) {
          String version = k.substring(slash + 1);
          int underscore = version.indexOf('_');
          return new String[] {
            k.substring(0, slash), underscore > 0 ? version.substring(0, underscore) : version
          };
        }
      }
      return null;
    }
    int at = k.indexOf('@', k.startsWith("@") ? 1 : 0);
    if (at <= 0 || at == k.length() - 1) {
      return null;
    }
    return new String[] {k.substring(0, at), k.substring(at + 1)};
  }

  private static String stripPeers(String v) {
    int paren = v.indexOf('(');
    return paren > 0 ? v.substring(0, paren) : v;
  }
}
