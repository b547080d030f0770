package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code yarn.lock}: the classic v1 format (its own indentation syntax, parsed here) and Berry
 * (Yarn 2+, YAML with a {@code __metadata} block). Entries are keyed by the descriptors
 * ({@code name@range}) they satisfy; dependency edges go through those descriptors.
 */
public final class YarnLockParser implements ManifestParser {

  /** One resolved package and the descriptors it satisfies. */
  private record Entry(List<String> descriptors, Comp comp, Map<String, String> deps, boolean workspace) {}

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    String text;
    try {
      text = file.text();
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    List<Entry> entries;
    boolean berry = isBerry(text);
    try {
      entries = berry ? readBerry(file, errors) : readClassic(file, text, errors);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    Map<String, Entry> byDescriptor = new HashMap<>();
    for (Entry e : entries) {
      for (String d : e.descriptors) {
        byDescriptor.put(d, e);
      }
    }
    Map<String, List<String>> edges = new HashMap<>();
    java.util.Set<String> runtimeRoots = new java.util.LinkedHashSet<>();
    java.util.Set<String> devRoots = new java.util.LinkedHashSet<>();
    for (Entry e : entries) {
      List<String> keys = new ArrayList<>();
      for (Map.Entry<String, String> dep : e.deps.entrySet()) {
        Entry target = lookup(byDescriptor, dep.getKey(), dep.getValue());
        if (target == null || target.workspace) {
          continue;
        }
        if (e.workspace) {
          // Berry lists a workspace's dev dependencies here too: direct, scope from package.json
          target.comp.direct(true);
        } else {
          e.comp.dependsOn(target.comp.key());
          keys.add(target.comp.key());
        }
      }
      edges.put(e.comp.key(), keys);
    }
    roots(file, context, byDescriptor, runtimeRoots, devRoots);
    Map<String, dev.bulwark.deps.Component.Scope> scopes = Graphs.scopes(edges, runtimeRoots, devRoots);
    List<Component> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.workspace) {
        String k = e.comp.key();
        if (runtimeRoots.contains(k) || devRoots.contains(k)) {
          e.comp.direct(true);
        }
        e.comp.scope(scopes.getOrDefault(k, dev.bulwark.deps.Component.Scope.UNKNOWN));
        out.add(e.comp.build());
      }
    }
    return new ReadResult(out, errors);
  }

  /**
   * Roots from the {@code package.json} beside the lockfile: {@code dependencies} and {@code
   * optionalDependencies} are runtime, {@code devDependencies} development.
   */
  private static void roots(
      SourceFile file, ReadContext context, Map<String, Entry> byDescriptor,
      java.util.Set<String> runtimeRoots, java.util.Set<String> devRoots) {
    SourceFile manifest = context.near(file, "package.json");
    if (manifest == null) {
      return;
    }
    Tree tree;
    try {
      tree = Trees.json(manifest);
    } catch (ReadFailure unreadable) {
      return; // reported when package.json itself is read
    }
    if (!(tree instanceof Tree.Obj root)) {
      return;
    }
    for (String section : new String[] {"dependencies", "optionalDependencies", "devDependencies"}) {
      Tree.Obj deps = root.obj(section);
      if (deps == null) {
        continue;
      }
      for (Map.Entry<String, Tree> d : deps.fields().entrySet()) {
        if (d.getValue() instanceof Tree.Scalar s && s.text() != null) {
          Entry target = lookup(byDescriptor, d.getKey(), s.text());
          if (target != null && !target.workspace) {
            (section.equals("devDependencies") ? devRoots : runtimeRoots).add(target.comp.key());
          }
        }
      }
    }
  }

  private static @Nullable Entry lookup(Map<String, Entry> byDescriptor, String name, String range) {
    Entry e = byDescriptor.get(name + "@" + range);
    if (e == null && !range.contains(":")) {
      e = byDescriptor.get(name + "@npm:" + range);
    }
    return e;
  }

  static boolean isBerry(String text) {
    int idx = text.indexOf("__metadata:");
    return idx >= 0 && (idx == 0 || text.charAt(idx - 1) == '\n');
  }

  // ---- classic v1 ----

  private static List<Entry> readClassic(SourceFile file, String text, List<ScanError> errors) {
    List<Entry> out = new ArrayList<>();
    String[] lines = Text.lines(text);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        i++;
        continue;
      }
      int headerLine = i + 1;
      if (Character.isWhitespace(line.charAt(0)) || !line.endsWith(":")) {
        errors.add(file.error(headerLine, ScanError.Kind.PARSE, "expected an entry header like \"name@range\":"));
        i++;
        while (i < lines.length && !lines[i].isEmpty() && Character.isWhitespace(lines[i].charAt(0))) {
          i++;
        }
        continue;
      }
      List<String> descriptors = new ArrayList<>();
      for (String d : Text.split(line.substring(0, line.length() - 1), ',')) {
        String t = unquote(d.trim());
        if (!t.isEmpty()) {
          descriptors.add(t);
        }
      }
      Map<String, String> fields = new HashMap<>();
      Map<String, String> deps = new LinkedHashMap<>();
      i++;
      String block = null;
      while (i < lines.length && !lines[i].isEmpty() && Character.isWhitespace(lines[i].charAt(0))) {
        String l = lines[i];
        int indent = 0;
        while (indent < l.length() && l.charAt(indent) == ' ') {
          indent++;
        }
        String body = l.trim();
        i++;
        if (body.isEmpty() || body.startsWith("#")) {
          continue;
        }
        if (indent <= 2) {
          if (body.endsWith(":")) {
            block = body.substring(0, body.length() - 1);
            continue;
          }
          block = null;
          String[] kv = keyValue(body);
          if (kv != null) {
            fields.put(kv[0], kv[1]);
          }
        } else if (block != null && (block.equals("dependencies") || block.equals("optionalDependencies"))) {
          String[] kv = keyValue(body);
          if (kv != null) {
            deps.put(kv[0], kv[1]);
          }
        }
      }
      String version = fields.get("version");
      if (version == null || descriptors.isEmpty()) {
        errors.add(file.error(headerLine, ScanError.Kind.INVALID, "entry has no version"));
        continue;
      }
      String name = nameOf(descriptors.get(0));
      if (name.isEmpty() || name.length() >= descriptors.get(0).length()) {
        errors.add(file.error(headerLine, ScanError.Kind.INVALID,
            "entry header " + clip(descriptors.get(0)) + " is not name@range"));
        continue;
      }
      String range = descriptors.get(0).substring(name.length() + 1);
      if (range.startsWith("npm:")) {
        // alias: "alias@npm:real@range" installs "real"
        String real = range.substring(4);
        String realName = nameOf(real);
        if (!realName.isEmpty() && realName.length() < real.length()) {
          name = realName;
        }
      }
      if (range.startsWith("file:") || range.startsWith("link:")) {
        continue;
      }
      boolean registry = !version.isEmpty() && Character.isDigit(version.charAt(0));
      Comp c = new Comp(Ecosystem.NPM, Names.npm(name), version)
          .kind(registry ? VersionKind.EXACT : VersionKind.DECLARED_RANGE)
          .at(file.at(headerLine));
      String integrity = fields.get("integrity");
      if (integrity != null) {
        c.integrity(integrity);
      }
      out.add(new Entry(descriptors, c, deps, false));
    }
    return out;
  }

  /** {@code key value} or {@code "key" "value"}; null when there is no value. */
  private static String @Nullable [] keyValue(String body) {
    String key;
    String rest;
    if (body.startsWith("\"")) {
      int end = body.indexOf('"', 1);
      if (end < 0) {
        return null;
      }
      key = body.substring(1, end);
      rest = body.substring(end + 1).trim();
    } else {
      int sp = body.indexOf(' ');
      if (sp < 0) {
        return null;
      }
      key = body.substring(0, sp);
      rest = body.substring(sp + 1).trim();
    }
    if (key.endsWith(":")) {
      key = key.substring(0, key.length() - 1);
    }
    return new String[] {key, unquote(rest)};
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** The package name of a descriptor {@code name@range} or {@code @scope/name@range}. */
  static String nameOf(String descriptor) {
    int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
    return at < 0 ? descriptor : descriptor.substring(0, at);
  }

  // ---- Berry ----

  private static List<Entry> readBerry(SourceFile file, List<ScanError> errors) throws ReadFailure {
    Tree tree = Trees.yaml(file, Long.MAX_VALUE);
    if (!(tree instanceof Tree.Obj root)) {
      throw new ReadFailure(ScanError.Kind.INVALID, tree.line(), "expected a YAML mapping");
    }
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, Tree> me : root.fields().entrySet()) {
      String header = me.getKey();
      if (header.equals("__metadata") || !(me.getValue() instanceof Tree.Obj pkg)) {
        continue;
      }
      int line = root.lineOf(header);
      List<String> descriptors = new ArrayList<>();
      for (String d : Text.split(header, ',')) {
        if (!d.isBlank()) {
          descriptors.add(d.trim());
        }
      }
      String resolution = pkg.str("resolution");
      String version = pkg.str("version");
      if (resolution == null || version == null) {
        errors.add(file.error(line, ScanError.Kind.INVALID, "entry has no resolution or version"));
        continue;
      }
      String name = nameOf(resolution);
      String protocol = resolution.substring(Math.min(resolution.length(), name.length() + 1));
      Map<String, String> deps = new LinkedHashMap<>();
      for (String f : new String[] {"dependencies", "optionalDependencies", "peerDependencies"}) {
        Tree.Obj d = pkg.obj(f);
        if (d != null && !f.equals("peerDependencies")) {
          d.fields().forEach((k, v) -> {
            if (v instanceof Tree.Scalar s && s.text() != null) {
              deps.put(k, s.text());
            }
          });
        }
      }
      boolean workspace = protocol.startsWith("workspace:");
      if (protocol.startsWith("link:") || protocol.startsWith("portal:") || protocol.startsWith("file:")) {
        continue;
      }
      VersionKind kind =
          protocol.startsWith("npm:") || protocol.startsWith("patch:")
              ? VersionKind.EXACT
              : VersionKind.DECLARED_RANGE;
      Comp c = new Comp(Ecosystem.NPM, Names.npm(name), version).kind(kind).at(file.at(line));
      out.add(new Entry(descriptors, c, deps, workspace));
    }
    return out;
  }
}
