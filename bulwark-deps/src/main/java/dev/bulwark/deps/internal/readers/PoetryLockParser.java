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

/**
 * {@code poetry.lock} (TOML, one {@code [[package]]} per locked distribution). Scope from {@code
 * category} (Poetry 1.x) or {@code groups} (2.x); edges from {@code [package.dependencies]};
 * packages nothing else depends on are taken as direct.
 */
public final class PoetryLockParser implements ManifestParser {

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.toml(file, "package");
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    Map<String, Comp> byName = new LinkedHashMap<>();
    Map<String, List<String>> depNames = new LinkedHashMap<>();
    for (Tree t : ((Tree.Obj) tree).arr("package")) {
      if (!(t instanceof Tree.Obj pkg)) {
        continue;
      }
      String name = pkg.str("name");
      String version = pkg.str("version");
      if (name == null || version == null) {
        errors.add(file.error(pkg.line(), ScanError.Kind.INVALID, "package without name or version"));
        continue;
      }
      Tree.Obj source = pkg.obj("source");
      String type = source == null ? null : source.str("type");
      if ("directory".equals(type) || "file".equals(type)) {
        continue; // the project's own code
      }
      VersionKind kind = type == null || "legacy".equals(type) ? VersionKind.EXACT : VersionKind.DECLARED_RANGE;
      Comp c = new Comp(Ecosystem.PYPI, Names.pypi(name), version).kind(kind).at(file.at(pkg.line()));
      String category = pkg.str("category");
      List<Tree> groups = pkg.arr("groups");
      if (category != null) {
        c.scope("main".equals(category) ? Scope.RUNTIME : Scope.DEVELOPMENT);
      } else if (!groups.isEmpty()) {
        boolean main = groups.stream().anyMatch(g -> g instanceof Tree.Scalar s && "main".equals(s.text()));
        c.scope(main ? Scope.RUNTIME : Scope.DEVELOPMENT);
      }
      List<Tree> files = pkg.arr("files");
      if (files.size() == 1 && files.get(0) instanceof Tree.Obj f && f.str("hash") != null) {
        c.prefixedHash(f.str("hash"));
      }
      Tree.Obj deps = pkg.obj("dependencies");
      depNames.put(c.name, deps == null ? List.of() : deps.fields().keySet().stream().map(Names::pypi).toList());
      byName.put(c.name, c);
    }
    Set<String> dependedOn = new HashSet<>();
    for (Map.Entry<String, List<String>> e : depNames.entrySet()) {
      for (String d : e.getValue()) {
        Comp target = byName.get(d);
        if (target != null) {
          byName.get(e.getKey()).dependsOn(target.key());
          dependedOn.add(d);
        }
      }
    }
    List<Component> out = new ArrayList<>();
    for (Comp c : byName.values()) {
      c.direct(!dependedOn.contains(c.name));
      out.add(c.build());
    }
    return new ReadResult(out, errors);
  }
}
