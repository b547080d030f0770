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
 * {@code package.json}, in two roles. Installed ({@code node_modules/<name>/package.json}): the
 * package itself, exact, with its license. A project manifest (read only when its folder has no
 * lockfile): the declared dependencies, pinned when the range is a bare version, else ranges.
 */
public final class PackageJsonParser implements ManifestParser {

  private final boolean installed;

  private PackageJsonParser(boolean installed) {
    this.installed = installed;
  }

  public static PackageJsonParser installed() {
    return new PackageJsonParser(true);
  }

  public static PackageJsonParser manifest() {
    return new PackageJsonParser(false);
  }

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Tree tree;
    try {
      tree = Trees.json(file);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    if (!(tree instanceof Tree.Obj root)) {
      return ReadResult.failed(file.error(tree.line(), ScanError.Kind.INVALID, "expected a JSON object"));
    }
    return installed ? readInstalled(file, root) : readManifest(file, root);
  }

  private static ReadResult readInstalled(SourceFile file, Tree.Obj root) {
    String name = root.str("name");
    String version = root.str("version");
    if (name == null || version == null || name.isBlank() || version.isBlank()) {
      // some packages ship stub package.json files (only "type" or "main"): not a package
      return new ReadResult(List.of(), List.of());
    }
    Comp c = new Comp(Ecosystem.NPM, Names.npm(name), version).kind(VersionKind.EXACT)
        .at(file.at(root.lineOf("version"))).scope(Scope.RUNTIME);
    Tree lic = root.get("license");
    if (lic instanceof Tree.Scalar s && s.text() != null) {
      c.license(s.text());
    } else if (lic instanceof Tree.Obj o && o.str("type") != null) {
      c.license(o.str("type"));
    }
    return new ReadResult(List.of(c.build()), List.of());
  }

  private static ReadResult readManifest(SourceFile file, Tree.Obj root) {
    List<Component> out = new ArrayList<>();
    section(file, root.obj("dependencies"), Scope.RUNTIME, out);
    section(file, root.obj("optionalDependencies"), Scope.RUNTIME, out);
    section(file, root.obj("devDependencies"), Scope.DEVELOPMENT, out);
    return new ReadResult(out, List.of());
  }

  private static void section(
      SourceFile file, Tree.@org.jspecify.annotations.Nullable Obj deps, Scope scope, List<Component> out) {
    if (deps == null) {
      return;
    }
    for (Map.Entry<String, Tree> e : deps.fields().entrySet()) {
      if (!(e.getValue() instanceof Tree.Scalar s) || s.text() == null) {
        continue;
      }
      String range = s.text().trim();
      String name = e.getKey();
      if (range.startsWith("npm:")) {
        String spec = range.substring(4);
        int at = spec.lastIndexOf('@');
        if (at > 0) {
          name = spec.substring(0, at);
          range = spec.substring(at + 1);
        }
      }
      if (range.startsWith("file:") || range.startsWith("link:") || range.startsWith("workspace:")) {
        continue;
      }
      VersionKind kind = isBareVersion(range) ? VersionKind.PINNED : VersionKind.DECLARED_RANGE;
      out.add(new Comp(Ecosystem.NPM, Names.npm(name), range.isEmpty() ? "*" : range).kind(kind)
          .at(file.at(deps.lineOf(e.getKey()))).scope(scope).direct(true).build());
    }
  }

  /** {@code 1.2.3} or {@code 1.2.3-beta.1}: digits and dots first, no operators or wildcards. */
  static boolean isBareVersion(String v) {
    if (v.isEmpty() || !Character.isDigit(v.charAt(0))) {
      return false;
    }
    int dots = 0;
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '.') {
        dots++;
      } else if (ch == '-' || ch == '+') {
        return dots == 2;
      } else if (!Character.isDigit(ch)) {
        return false;
      }
    }
    return dots == 2;
  }
}
