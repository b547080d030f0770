package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code package-lock.json}, {@code npm-shrinkwrap.json} and {@code node_modules/.package-lock.json},
 * lockfile versions 1 (the nested {@code dependencies} tree) and 2–3 (the flat {@code packages}
 * map keyed by install path). Dependencies resolve as Node does: the nearest {@code node_modules}
 * up the install path.
 */
public final class NpmLockParser implements ManifestParser {

  private static final String[] DEP_FIELDS = {
    "dependencies", "optionalDependencies", "peerDependencies"
  };

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.json(file);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    if (!(tree instanceof Tree.Obj root)) {
      return ReadResult.failed(
          file.error(tree.line(), ScanError.Kind.INVALID, "expected a JSON object"));
    }
    List<ScanError> errors = new ArrayList<>();
    Map<String, Entry> byPath = new LinkedHashMap<>();
    Set<String> rootDeps = new HashSet<>();
    if (root.obj("packages") != null) {
      readPackages(file, root.obj("packages"), byPath, rootDeps, errors);
    } else if (root.obj("dependencies") != null) {
      readTree(file, root.obj("dependencies"), "", byPath, errors, 0);
    } else if (root.get("lockfileVersion") == null) {
      return ReadResult.failed(
          file.error(0, ScanError.Kind.INVALID, "no lockfileVersion, packages or dependencies: not an npm lockfile"));
    }
    boolean v1 = root.obj("packages") == null;
    // edges
    Set<String> dependedOn = new HashSet<>();
    for (Entry e : byPath.values()) {
      for (String dep : e.deps) {
        Entry target = resolve(e.path, dep, byPath);
        if (target != null) {
          e.comp.dependsOn(target.comp.key());
          dependedOn.add(target.comp.key());
        }
      }
    }
    if (rootDeps.isEmpty()) {
      // v1 and npm's hidden lockfile do not list the project's own dependencies
      String manifest = file.fileName().equals(".package-lock.json") ? "../package.json" : "package.json";
      rootDeps.addAll(manifestDependencies(context.near(file, manifest)));
    }
    List<Component> out = new ArrayList<>(byPath.size());
    for (Entry e : byPath.values()) {
      boolean topLevel = e.path.equals("node_modules/" + e.installName);
      if (!rootDeps.isEmpty()) {
        e.comp.direct(topLevel && rootDeps.contains(e.installName));
      } else if (v1) {
        e.comp.direct(topLevel && !dependedOn.contains(e.comp.key()));
      }
      out.add(e.comp.build());
    }
    return new ReadResult(out, errors);
  }

  /** The dependency names a project's {@code package.json} declares, in every section. */
  static Set<String> manifestDependencies(@Nullable SourceFile manifest) {
    Set<String> out = new HashSet<>();
    if (manifest == null) {
      return out;
    }
    try {
      if (Trees.json(manifest) instanceof Tree.Obj root) {
        for (String f : new String[] {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"}) {
          Tree.Obj deps = root.obj(f);
          if (deps != null) {
            out.addAll(deps.fields().keySet());
          }
        }
      }
    } catch (ReadFailure unreadable) {
      // reported when package.json itself is read
    }
    return out;
  }

  private static final class Entry {
    final String path;
    final String installName;
    final Comp comp;
    final List<String> deps = new ArrayList<>();

    Entry(String path, String installName, Comp comp) {
      this.path = path;
      this.installName = installName;
      this.comp = comp;
    }
  }

  private static void readPackages(
      SourceFile file, Tree.Obj packages, Map<String, Entry> byPath, Set<String> rootDeps,
      List<ScanError> errors) {
    for (Map.Entry<String, Tree> me : packages.fields().entrySet()) {
      String path = me.getKey();
      if (!(me.getValue() instanceof Tree.Obj pkg)) {
        continue;
      }
      int line = packages.lineOf(path);
      if (path.isEmpty()) {
        for (String f : new String[] {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"}) {
          Tree.Obj deps = pkg.obj(f);
          if (deps != null) {
            rootDeps.addAll(deps.fields().keySet());
          }
        }
        continue;
      }
      String installName = Names.npmNameFromPath(path);
      if (installName == null || pkg.isTrue("link")) {
        continue; // a workspace folder or a link to one: the project's own code
      }
      String name = pkg.str("name") != null ? pkg.str("name") : installName;
      String version = pkg.str("version");
      if (version == null || version.isBlank()) {
        errors.add(file.error(line, ScanError.Kind.INVALID, "package " + path + " has no version"));
        continue;
      }
      Entry e = new Entry(path, installName, component(file, name, version, line));
      Comp c = e.comp;
      if (pkg.str("integrity") != null) {
        c.integrity(pkg.str("integrity"));
      }
      String license = pkg.str("license");
      if (license != null) {
        c.license(license);
      }
      c.scope(scope(pkg));
      for (String f : DEP_FIELDS) {
        Tree.Obj deps = pkg.obj(f);
        if (deps != null) {
          e.deps.addAll(deps.fields().keySet());
        }
      }
      byPath.put(path, e);
    }
  }

  private static void readTree(
      SourceFile file, Tree.Obj deps, String parentPath, Map<String, Entry> byPath,
      List<ScanError> errors, int depth) {
    if (depth > Trees.MAX_DEPTH) {
      errors.add(file.error(deps.line(), ScanError.Kind.LIMIT, "dependency tree nested too deep"));
      return;
    }
    for (Map.Entry<String, Tree> me : deps.fields().entrySet()) {
      String installName = me.getKey();
      if (!(me.getValue() instanceof Tree.Obj pkg)) {
        continue;
      }
      int line = deps.lineOf(installName);
      String path = (parentPath.isEmpty() ? "" : parentPath + "/") + "node_modules/" + installName;
      String version = pkg.str("version");
      if (version == null || version.isBlank()) {
        errors.add(file.error(line, ScanError.Kind.INVALID, "package " + installName + " has no version"));
        continue;
      }
      String name = installName;
      if (version.startsWith("npm:")) {
        String spec = version.substring(4);
        int at = spec.lastIndexOf('@');
        if (at > 0) {
          name = spec.substring(0, at);
          version = spec.substring(at + 1);
        }
      }
      if (version.startsWith("file:") || version.startsWith("link:")) {
        continue;
      }
      Entry e = new Entry(path, installName, component(file, name, version, line));
      if (pkg.str("integrity") != null) {
        e.comp.integrity(pkg.str("integrity"));
      }
      e.comp.scope(scope(pkg));
      Tree.Obj requires = pkg.obj("requires");
      if (requires != null) {
        e.deps.addAll(requires.fields().keySet());
      }
      byPath.put(path, e);
      Tree.Obj nested = pkg.obj("dependencies");
      if (nested != null) {
        readTree(file, nested, path, byPath, errors, depth + 1);
      }
    }
  }

  private static Comp component(SourceFile file, String name, String version, int line) {
    boolean registry = !version.isEmpty() && Character.isDigit(version.charAt(0));
    return new Comp(Ecosystem.NPM, Names.npm(name), version)
        .kind(registry ? VersionKind.EXACT : VersionKind.DECLARED_RANGE)
        .at(file.at(line));
  }

  private static Scope scope(Tree.Obj pkg) {
    if (pkg.isTrue("dev")) {
      return Scope.DEVELOPMENT;
    }
    if (pkg.isTrue("devOptional")) {
      return Scope.UNKNOWN;
    }
    return Scope.RUNTIME;
  }

  /** The entry Node would load for {@code dep} required from the package at {@code fromPath}. */
  private static @Nullable Entry resolve(String fromPath, String dep, Map<String, Entry> byPath) {
    String base = fromPath;
    while (true) {
      Entry hit = byPath.get((base.isEmpty() ? "" : base + "/") + "node_modules/" + dep);
      if (hit != null) {
        return hit;
      }
      if (base.isEmpty()) {
        return null;
      }
      int idx = base.lastIndexOf("/node_modules/");
      base = idx < 0 ? "" : base.substring(0, idx);
    }
  }

}
