package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maven {@code pom.xml}: the project's dependencies with {@code ${properties}} (the project's, its
 * parents', {@code project.*}; never the environment) interpolated, versions and scopes from
 * {@code dependencyManagement}, parents (by {@code relativePath}, else by coordinates among the
 * input's POMs) and imported BOMs when those POMs are part of the input. A plain version is
 * {@link VersionKind#PINNED}; a range, or a version that stays unresolved, is a declared range.
 */
public final class MavenPomParser implements ManifestParser {

  /** Longest parent chain and deepest BOM import followed. */
  static final int MAX_CHAIN = 16;

  /** Most nested {@code ${…}} expansions in one value. */
  private static final int MAX_INTERPOLATIONS = 32;

  /** One POM as written. */
  record Pom(
      SourceFile file,
      @Nullable String groupId,
      String artifactId,
      @Nullable String version,
      @Nullable Parent parent,
      Map<String, String> properties,
      List<Dep> managed,
      List<Dep> deps) {}

  record Parent(String groupId, String artifactId, String version, @Nullable String relativePath) {}

  record Dep(
      SourceFile file,
      String groupId,
      String artifactId,
      @Nullable String version,
      @Nullable String scope,
      String type,
      @Nullable String classifier,
      boolean optional,
      int line) {}

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    Pom pom;
    try {
      pom = read(file);
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    List<Pom> chain = chain(pom, context, errors);
    Map<String, String> props = properties(chain);
    // dependencyManagement: the nearest declaration wins, then imported BOMs in order
    Map<String, Dep> managed = new LinkedHashMap<>();
    List<Dep> imports = new ArrayList<>();
    for (Pom p : chain) {
      for (Dep d : p.managed) {
        Dep r = interpolate(d, props);
        if ("import".equals(r.scope) && "pom".equals(r.type)) {
          imports.add(r);
        } else {
          managed.putIfAbsent(mgmtKey(r), r);
        }
      }
    }
    for (Dep bom : imports) {
      importBom(bom, context, managed, errors, new HashSet<>(), 0);
    }
    Map<String, Component> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Pom p : chain) {
      for (Dep raw : p.deps) {
        Dep d = interpolate(raw, props);
        if (!seen.add(mgmtKey(d))) {
          continue; // a child's declaration overrides its parent's
        }
        Dep m = managed.get(mgmtKey(d));
        String version = d.version != null ? d.version : m == null ? null : m.version;
        String scope = d.scope != null ? d.scope : m != null && m.scope != null ? m.scope : "compile";
        Component c = component(d, version, scope);
        out.putIfAbsent(c.key(), c);
      }
    }
    return new ReadResult(new ArrayList<>(out.values()), errors);
  }

  private static Component component(Dep d, @Nullable String version, String scope) {
    VersionKind kind;
    String v;
    if (version == null || version.isBlank()) {
      v = "*";
      kind = VersionKind.DECLARED_RANGE;
    } else if (version.contains("${") || version.startsWith("[") || version.startsWith("(")
        || version.contains(",")) {
      v = version;
      kind = VersionKind.DECLARED_RANGE;
    } else {
      v = version;
      kind = VersionKind.PINNED;
    }
    Scope s = switch (scope) {
      case "test" -> Scope.TEST;
      case "provided" -> Scope.DEVELOPMENT;
      case "compile", "runtime", "system" -> Scope.RUNTIME;
      default -> Scope.UNKNOWN;
    };
    Comp c = new Comp(Ecosystem.MAVEN, d.groupId + ":" + d.artifactId, v).kind(kind)
        .at(SourceLocation.of(d.file.display(), d.line)).scope(s).direct(true);
    c.property("maven:scope", scope);
    if (!"jar".equals(d.type)) {
      c.property("maven:type", d.type);
    }
    if (d.classifier != null) {
      c.property("maven:classifier", d.classifier);
    }
    if (d.optional) {
      c.property("maven:optional", "true");
    }
    return c.build();
  }

  private static String mgmtKey(Dep d) {
    return d.groupId + ":" + d.artifactId + ":" + d.type + (d.classifier == null ? "" : ":" + d.classifier);
  }

  private void importBom(
      Dep bom, ReadContext context, Map<String, Dep> managed, List<ScanError> errors,
      Set<String> visiting, int depth) {
    String coords = bom.groupId + ":" + bom.artifactId + ":" + bom.version;
    if (bom.version == null || depth >= MAX_CHAIN || !visiting.add(coords)) {
      return;
    }
    SourceFile f = context.mavenPom(bom.groupId, bom.artifactId, bom.version);
    if (f == null) {
      return; // not part of the input: the versions it manages stay unresolved
    }
    Pom pom;
    try {
      pom = read(f);
    } catch (ReadFailure e) {
      errors.add(e.toError(f.display()));
      return;
    }
    List<Pom> chain = chain(pom, context, errors);
    Map<String, String> props = properties(chain);
    List<Dep> nested = new ArrayList<>();
    for (Pom p : chain) {
      for (Dep d : p.managed) {
        Dep r = interpolate(d, props);
        if ("import".equals(r.scope) && "pom".equals(r.type)) {
          nested.add(r);
        } else {
          managed.putIfAbsent(mgmtKey(r), r);
        }
      }
    }
    for (Dep n : nested) {
      importBom(n, context, managed, errors, visiting, depth + 1);
    }
  }

  /** The POM and its parents, nearest first, as far as they are part of the input. */
  private List<Pom> chain(Pom pom, ReadContext context, List<ScanError> errors) {
    List<Pom> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Pom cur = pom;
    while (cur != null && chain.size() < MAX_CHAIN && seen.add(cur.file.display())) {
      chain.add(cur);
      Parent parent = cur.parent;
      if (parent == null) {
        break;
      }
      Pom next = null;
      String rel = parent.relativePath == null ? "../pom.xml" : parent.relativePath;
      if (!rel.isBlank()) {
        SourceFile f = context.near(cur.file, rel.endsWith(".xml") ? rel : rel + "/pom.xml");
        next = f == null ? null : tryRead(f, errors);
        if (next != null && !(parent.artifactId.equals(next.artifactId)
            && parent.groupId.equals(next.groupId == null && next.parent != null ? next.parent.groupId : next.groupId))) {
          next = null; // the file there is another project
        }
      }
      if (next == null) {
        SourceFile f = context.mavenPom(parent.groupId, parent.artifactId, parent.version);
        next = f == null ? null : tryRead(f, errors);
      }
      cur = next;
    }
    return chain;
  }

  private static @Nullable Pom tryRead(SourceFile f, List<ScanError> errors) {
    try {
      return read(f);
    } catch (ReadFailure e) {
      errors.add(e.toError(f.display()));
      return null;
    }
  }

  /** Properties visible to the first POM of the chain: its own win over its parents'. */
  private static Map<String, String> properties(List<Pom> chain) {
    Map<String, String> props = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      props.putAll(chain.get(i).properties);
    }
    Pom self = chain.get(0);
    String groupId = self.groupId;
    String version = self.version;
    for (Pom p : chain) {
      if (groupId == null) {
        groupId = p.groupId != null ? p.groupId : p.parent != null ? p.parent.groupId : null;
      }
      if (version == null) {
        version = p.version != null ? p.version : p.parent != null ? p.parent.version : null;
      }
    }
    put(props, "groupId", groupId);
    put(props, "artifactId", self.artifactId);
    put(props, "version", version);
    if (self.parent != null) {
      for (String prefix : new String[] {"project.parent.", "parent."}) {
        props.put(prefix + "groupId", self.parent.groupId);
        props.put(prefix + "artifactId", self.parent.artifactId);
        props.put(prefix + "version", self.parent.version);
      }
    }
    return props;
  }

  private static void put(Map<String, String> props, String name, @Nullable String value) {
    if (value != null) {
      props.put("project." + name, value);
      props.put("pom." + name, value);
    }
  }

  private static Dep interpolate(Dep d, Map<String, String> props) {
    return new Dep(d.file, interpolate(d.groupId, props), interpolate(d.artifactId, props),
        d.version == null ? null : interpolate(d.version, props),
        d.scope == null ? null : interpolate(d.scope, props), interpolate(d.type, props),
        d.classifier == null ? null : interpolate(d.classifier, props), d.optional, d.line);
  }

  /** {@code ${name}} replaced from {@code props}, repeatedly for nested references; unknown ones stay. */
  static String interpolate(String value, Map<String, String> props) {
    String cur = value;
    for (int round = 0; round < MAX_INTERPOLATIONS && cur.contains("${"); round++) {
      StringBuilder sb = new StringBuilder();
      int i = 0;
      boolean changed = false;
      while (i < cur.length()) {
        int start = cur.indexOf("${", i);
        int end = start < 0 ? -1 : cur.indexOf('}', start);
        if (start < 0 || end < 0) {
          sb.append(cur, i, cur.length());
          break;
        }
        sb.append(cur, i, start);
        String name = cur.substring(start + 2, end);
        String v = name.startsWith("env.") ? null : props.get(name);
        if (v != null && v.length() <= 4096) {
          sb.append(v);
          changed = true;
        } else {
          sb.append(cur, start, end + 1);
        }
        i = end + 1;
      }
      cur = sb.toString();
      if (!changed) {
        break;
      }
    }
    return cur;
  }

  static Pom read(SourceFile file) throws ReadFailure {
    Xml.El root = Xml.parse(file);
    if (!root.name().equals("project")) {
      throw new ReadFailure(ScanError.Kind.INVALID, root.line(), "root element is <" + root.name() + ">, not <project>");
    }
    String artifactId = root.text("artifactId");
    if (artifactId == null || artifactId.isEmpty()) {
      throw new ReadFailure(ScanError.Kind.INVALID, root.line(), "project has no artifactId");
    }
    Parent parent = null;
    Xml.El p = root.child("parent");
    if (p != null && p.text("groupId") != null && p.text("artifactId") != null && p.text("version") != null) {
      Xml.El rel = p.child("relativePath");
      parent = new Parent(p.text("groupId"), p.text("artifactId"), p.text("version"), rel == null ? null : rel.text());
    }
    Map<String, String> props = new LinkedHashMap<>();
    Xml.El pe = root.child("properties");
    if (pe != null) {
      for (Xml.El e : pe.children()) {
        props.put(e.name(), e.text());
      }
    }
    Xml.El dm = root.child("dependencyManagement");
    List<Dep> managed = dm == null ? List.of() : deps(file, dm.path("dependencies", "dependency"));
    List<Dep> deps = deps(file, root.path("dependencies", "dependency"));
    return new Pom(file, blankToNull(root.text("groupId")), artifactId, blankToNull(root.text("version")),
        parent, props, managed, deps);
  }

  private static List<Dep> deps(SourceFile file, List<Xml.El> els) {
    List<Dep> out = new ArrayList<>();
    for (Xml.El d : els) {
      String g = d.text("groupId");
      String a = d.text("artifactId");
      if (g == null || a == null || g.isEmpty() || a.isEmpty()) {
        continue;
      }
      String type = blankToNull(d.text("type"));
      out.add(new Dep(file, g, a, blankToNull(d.text("version")), blankToNull(d.text("scope")),
          type == null ? "jar" : type, blankToNull(d.text("classifier")),
          "true".equals(d.text("optional")), d.line()));
    }
    return out;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
