package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Pipfile.lock} (JSON): {@code default} is runtime, {@code develop} development; versions
 * are {@code ==x}. Entries without a version (editable, path, VCS) are the project's own code or
 * not a registry release and are left out.
 */
public final class PipfileLockParser implements ManifestParser {

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.json(file);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    if (!(tree instanceof Tree.Obj root) || (root.obj("default") == null && root.obj("develop") == null)) {
      return ReadResult.failed(
          file.error(tree.line(), ScanError.Kind.INVALID, "no default or develop section: not a Pipfile.lock"));
    }
    List<ScanError> errors = new ArrayList<>();
    List<Component> out = new ArrayList<>();
    section(file, root.obj("default"), Scope.RUNTIME, out, errors);
    section(file, root.obj("develop"), Scope.DEVELOPMENT, out, errors);
    return new ReadResult(out, errors);
  }

  private static void section(
      SourceFile file, Tree.@org.jspecify.annotations.Nullable Obj section, Scope scope,
      List<Component> out, List<ScanError> errors) {
    if (section == null) {
      return;
    }
    for (Map.Entry<String, Tree> e : section.fields().entrySet()) {
      if (!(e.getValue() instanceof Tree.Obj pkg)) {
        continue;
      }
      String version = pkg.str("version");
      int line = section.lineOf(e.getKey());
      if (version == null) {
        continue;
      }
      if (!version.startsWith("==")) {
        errors.add(file.error(line, ScanError.Kind.INVALID, "version " + version + " of " + e.getKey() + " is not ==x"));
        continue;
      }
      Comp c = new Comp(Ecosystem.PYPI, Names.pypi(e.getKey()), version.substring(version.startsWith("===") ? 3 : 2))
          .kind(VersionKind.EXACT).at(file.at(line)).scope(scope);
      String markers = pkg.str("markers");
      if (markers != null) {
        c.property("python:markers", markers);
      }
      List<Tree> hashes = pkg.arr("hashes");
      if (hashes.size() == 1 && hashes.get(0) instanceof Tree.Scalar s && s.text() != null) {
        c.prefixedHash(s.text());
      }
      out.add(c.build());
    }
  }
}
