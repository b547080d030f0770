package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node;
import dev.bulwark.model.Node.Scalar.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CloudFormation or SAM template (YAML or JSON) into a resolved {@link Template}.
 *
 * <p>Reading never throws for bad input. A problem that leaves nothing usable (unreadable,
 * binary or non-UTF-8 file, syntax error, a limit hit, not a template) gives a {@link Result}
 * without template and with one error; other problems (duplicate keys, malformed intrinsic
 * functions or resources) are listed in {@link Template#errors()} and the rest is read.
 *
 * <pre>{@code
 * TemplateReader.Result r =
 *     TemplateReader.read(Path.of("template.yaml"), "template.yaml", IacOptions.defaults());
 * r.templateIfAny().ifPresent(t -> t.resources().keySet().forEach(System.out::println));
 * r.errors().forEach(System.err::println);
 * }</pre>
 *
 * <p>Resources: a resource without a string {@code Type} is left out (with an error); a
 * resource whose {@code Condition} is known false is left out; {@code Properties} or {@code
 * Metadata} that are not mappings are read as empty (with an error). When {@code Properties}
 * as a whole is an {@code Fn::If} on an unknown condition, the first branch that is a mapping is
 * used and the resource's {@code condition} names it. Sections this reader does not need ({@code
 * Outputs}, {@code Rules}, template {@code Metadata}) are not resolved. {@code Fn::ForEach} loops
 * ({@code AWS::LanguageExtensions}) are expanded first when their collection is known; a macro
 * ({@code Fn::Transform} in {@code Resources}) is reported, since it runs at deploy time.
 *
 * <p>Duplicate keys: the last value wins, as in the readers CloudFormation users rely on, and an
 * {@code INVALID} error names both lines. Multi-document YAML: the first document is read and an
 * error says so.
 */
public final class TemplateReader {

  /**
   * What reading gave.
   *
   * @param template the template, or null when nothing usable could be read
   * @param errors every problem met (the template's own errors when there is one)
   */
  public record Result(@Nullable Template template, List<ScanError> errors) {
    public Result {
      errors = List.copyOf(errors);
    }

    public java.util.Optional<Template> templateIfAny() {
      return java.util.Optional.ofNullable(template);
    }
  }

  private TemplateReader() {}

  /** Reads {@code file}, shown as {@code displayName} in locations and errors. */
  public static Result read(Path file, String displayName, IacOptions options) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return failed(displayName, ScanError.Kind.IO, ioMessage(e));
    }
    long max = options.limits().maxFileBytes();
    if (size > max) {
      return failed(
          displayName,
          ScanError.Kind.LIMIT,
          "the file has " + size + " bytes, more than the limit of " + max + "; it is not read");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // the file may have grown since it was measured: never read more than the limit
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (IOException e) {
      return failed(displayName, ScanError.Kind.IO, ioMessage(e));
    }
    if (bytes.length > max) {
      return failed(
          displayName,
          ScanError.Kind.LIMIT,
          "the file has more than " + max + " bytes, the limit; it is not read");
    }
    return read(bytes, file, displayName, options);
  }

  /** Reads a template from its bytes; {@code path} is where it lives (for relative paths). */
  public static Result read(byte[] bytes, Path path, String displayName, IacOptions options) {
    if (bytes.length > options.limits().maxFileBytes()) {
      return failed(
          displayName,
          ScanError.Kind.LIMIT,
          "the file has " + bytes.length + " bytes, more than the limit of "
              + options.limits().maxFileBytes() + "; it is not read");
    }
    String text;
    try {
      text = SourceText.decode(bytes, displayName);
    } catch (ReadFailure f) {
      return new Result(null, List.of(f.error()));
    }
    return read(text, path, displayName, options);
  }

  /** Reads a template from text (tests, editors). */
  public static Result read(String text, Path path, String displayName, IacOptions options) {
    List<ScanError> errors = new ArrayList<>();
    try {
      RawNode root = parse(text, displayName, options.limits(), errors);
      Template t = build(root, text, path, displayName, options, errors);
      return new Result(t, t.errors());
    } catch (ReadFailure f) {
      return new Result(null, List.of(f.error()));
    } catch (Resolver.LimitExceeded e) {
      return failed(displayName, e.line, ScanError.Kind.LIMIT, e.getMessage() + "; the file is not read");
    }
  }

  /**
   * Parses YAML or JSON: JSON when the first significant character is '{' or '['. A file named
   * {@code .yaml}/{@code .yml} that fails to parse as JSON is read as YAML (flow-style YAML such as
   * {@code {Resources: …}}); the JSON error is reported when neither reads. Other files get no such
   * second chance: YAML's flow syntax would accept JSON mistakes (trailing commas, bare words)
   * that CloudFormation rejects.
   */
  static RawNode parse(String text, String file, IacOptions.Limits limits, List<ScanError> errors)
      throws ReadFailure {
    if (looksLikeJson(text)) {
      try {
        return JsonTreeReader.read(text, file, limits, errors);
      } catch (ReadFailure json) {
        if (json.error().kind() != ScanError.Kind.PARSE || !isYamlName(file)) {
          throw json;
        }
        List<ScanError> yamlErrors = new ArrayList<>();
        try {
          RawNode root = YamlTreeReader.read(text, file, limits, yamlErrors);
          errors.addAll(yamlErrors);
          return root;
        } catch (ReadFailure yaml) {
          throw json;
        }
      }
    }
    return YamlTreeReader.read(text, file, limits, errors);
  }

  private static boolean isYamlName(String file) {
    String f = file.toLowerCase(java.util.Locale.ROOT);
    return f.endsWith(".yaml") || f.endsWith(".yml");
  }

  static boolean looksLikeJson(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
        continue;
      }
      return c == '{' || c == '[';
    }
    return false;
  }

  private static Template build(
      RawNode rootNode,
      String text,
      Path path,
      String file,
      IacOptions options,
      List<ScanError> errors)
      throws ReadFailure {
    if (!(rootNode instanceof RawMap parsedRoot)) {
      throw new ReadFailure(
          file,
          rootNode.line(),
          ScanError.Kind.INVALID,
          "not a CloudFormation template: the top level is "
              + (rootNode instanceof RawList ? "a list" : "a single value")
              + ", not a mapping");
    }
    RawMap root = parsedRoot;
    RawNode resourcesNode = root.get("Resources");
    boolean declared =
        root.get("AWSTemplateFormatVersion") != null || root.get("Transform") != null;
    if (resourcesNode == null && !declared) {
      throw new ReadFailure(
          file, 0, ScanError.Kind.INVALID, "not a CloudFormation template: no Resources section");
    }
    Resolver r;
    if (text.contains(Intrinsics.FOR_EACH_PREFIX)) {
      Resolver first = new Resolver(file, root, options, new ArrayList<>());
      root = (RawMap) new ForEachExpander(file, first, options.limits(), errors).expand(root);
      resourcesNode = root.get("Resources");
    }
    r = new Resolver(file, root, options, errors);
    boolean sam = isSam(root.get("Transform"));
    SourceLocation whole = SourceLocation.of(file, 1, SourceText.lineCount(text));
    Node.MapNode globals = globals(root, r, whole);
    Map<String, TemplateResource> resources = new LinkedHashMap<>();
    if (resourcesNode == null) {
      errors.add(new ScanError(file, 0, ScanError.Kind.INVALID, "the template has no Resources section"));
    } else if (resourcesNode instanceof RawMap rm) {
      for (Entry e : rm.entryList()) {
        if (e.key().equals(Intrinsics.TRANSFORM)) {
          r.error(
              e.keyLine(),
              "Fn::Transform in Resources runs a macro at deploy time; the resources it adds are not read");
          continue;
        }
        TemplateResource res = resource(e, r, file);
        if (res != null) {
          resources.put(res.logicalId(), res);
        }
      }
    } else if (resourcesNode instanceof RawScalar s && s.kind() == Kind.NULL) {
      r.error(resourcesNode.line(), "Resources is empty");
    } else {
      r.error(resourcesNode.line(), "Resources must be a mapping of logical ids to resources");
    }
    return new Template(
        file, path, whole, sam, globals, resources, errors, parameters(root.get("Parameters"), file));
  }

  /** The parameter declarations as written: name, literal default, NoEcho, location. */
  private static List<dev.bulwark.model.Parameter> parameters(@Nullable RawNode section, String file) {
    List<dev.bulwark.model.Parameter> out = new ArrayList<>();
    if (!(section instanceof RawMap map)) {
      return out;
    }
    for (Entry e : map.entryList()) {
      SourceLocation at = SourceLocation.of(file, e.keyLine(), e.value().endLine());
      dev.bulwark.model.Attr<String> def = dev.bulwark.model.Attr.absent(at);
      boolean noEcho = false;
      if (e.value() instanceof RawMap decl) {
        if (decl.get("Default") instanceof RawScalar d && d.value() != null) {
          def = dev.bulwark.model.Attr.of(d.value(), SourceLocation.of(file, d.line(), d.endLine()));
        }
        noEcho = decl.get("NoEcho") instanceof RawScalar n && "true".equalsIgnoreCase(n.value());
      }
      out.add(new dev.bulwark.model.Parameter(e.key(), def, noEcho, at));
    }
    return out;
  }

  static boolean isSam(@Nullable RawNode transform) {
    if (transform instanceof RawScalar s) {
      return Resolver.SAM_TRANSFORM.equals(s.value());
    }
    if (transform instanceof RawList l) {
      for (RawNode i : l.items) {
        if (i instanceof RawScalar s && Resolver.SAM_TRANSFORM.equals(s.value())) {
          return true;
        }
        if (i instanceof RawMap m
            && m.get("Name") instanceof RawScalar n
            && Resolver.SAM_TRANSFORM.equals(n.value())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Node.MapNode globals(RawMap root, Resolver r, SourceLocation whole) {
    Entry e = root.entry("Globals");
    if (e != null && e.value() instanceof RawMap g) {
      return r.resolveMap(g);
    }
    if (e != null && !(e.value() instanceof RawScalar s && s.kind() == Kind.NULL)) {
      r.error(e.keyLine(), "Globals must be a mapping; it is ignored");
    }
    return emptyMap(e == null ? whole : r.keyLocation(e));
  }

  private static Node.MapNode emptyMap(SourceLocation at) {
    return new Node.MapNode(Map.of(), Map.of(), at);
  }

  private static @Nullable TemplateResource resource(Entry e, Resolver r, String file) {
    String id = e.key();
    if (!(e.value() instanceof RawMap body)) {
      r.error(e.keyLine(), "resource " + id + " must be a mapping with a Type; it is ignored");
      return null;
    }
    SourceLocation location =
        new SourceLocation(file, e.keyLine(), Math.max(e.keyLine(), body.endLine()), e.keyColumn());
    Entry typeEntry = body.entry("Type");
    if (typeEntry == null) {
      r.error(e.keyLine(), "resource " + id + " has no Type; it is ignored");
      return null;
    }
    String type =
        typeEntry.value() instanceof RawScalar ts && ts.kind() == Kind.STRING ? ts.value() : null;
    if (type == null || type.isEmpty()) {
      r.error(typeEntry.keyLine(), "the Type of resource " + id + " must be a string; it is ignored");
      return null;
    }
    String condition = null;
    Entry cond = body.entry("Condition");
    if (cond != null) {
      String name = cond.value() instanceof RawScalar cs ? cs.value() : null;
      if (name == null) {
        r.error(cond.keyLine(), "the Condition of resource " + id + " must be a condition name");
      } else {
        Resolver.Tri v = r.conditionNamed(name, cond.keyLine());
        if (v == Resolver.Tri.FALSE) {
          return null;
        }
        if (v == Resolver.Tri.UNKNOWN) {
          condition = name;
        }
      }
    }
    Node.MapNode properties = emptyMap(location);
    Entry props = body.entry("Properties");
    if (props != null) {
      Node p = r.resolve(props.value());
      if (p instanceof Node.Choice c && condition == null) {
        condition = c.condition();
      }
      Node.MapNode m = firstMap(p);
      if (m != null) {
        properties = m;
      } else if (p != null && !(p instanceof Node.Scalar s && s.kind() == Kind.NULL)) {
        r.error(props.keyLine(), "the Properties of resource " + id + " must be a mapping; they are ignored");
      }
      if (mentions(properties, id)) {
        r.error(
            props.keyLine(),
            "resource " + id + " refers to itself (CloudFormation rejects circular dependencies)");
      }
    }
    Node.MapNode metadata = emptyMap(location);
    Entry meta = body.entry("Metadata");
    if (meta != null) {
      Node m = r.resolve(meta.value());
      if (m instanceof Node.MapNode mm) {
        metadata = mm;
      } else if (m != null && !(m instanceof Node.Scalar s && s.kind() == Kind.NULL)) {
        r.error(meta.keyLine(), "the Metadata of resource " + id + " must be a mapping; it is ignored");
      }
    }
    List<String> dependsOn = new ArrayList<>();
    Entry deps = body.entry("DependsOn");
    if (deps != null) {
      if (deps.value() instanceof RawScalar ds && ds.value() != null) {
        dependsOn.add(ds.value());
      } else if (deps.value() instanceof RawList dl) {
        for (RawNode d : dl.items) {
          if (d instanceof RawScalar ds && ds.value() != null) {
            dependsOn.add(ds.value());
          } else {
            r.error(d.line(), "DependsOn of resource " + id + " lists resource ids only");
          }
        }
      } else {
        r.error(deps.keyLine(), "DependsOn of resource " + id + " must be an id or a list of ids");
      }
    }
    return new TemplateResource(
        id,
        type,
        location,
        r.keyLocation(typeEntry),
        properties,
        metadata,
        dependsOn,
        condition);
  }

  /** True when {@code n} references resource {@code id} (no allocation, stops at the first). */
  static boolean mentions(Node n, String id) {
    if (n instanceof Node.Reference r) {
      return r.logicalId().equals(id);
    }
    if (n instanceof Node.MapNode m) {
      for (Node v : m.entries().values()) {
        if (mentions(v, id)) {
          return true;
        }
      }
    } else if (n instanceof Node.ListNode l) {
      for (Node v : l.items()) {
        if (mentions(v, id)) {
          return true;
        }
      }
    } else if (n instanceof Node.Text t) {
      for (Node v : t.parts()) {
        if (mentions(v, id)) {
          return true;
        }
      }
    } else if (n instanceof Node.Choice c) {
      return mentions(c.whenTrue(), id) || mentions(c.whenFalse(), id);
    }
    return false;
  }

  private static Node.@Nullable MapNode firstMap(@Nullable Node n) {
    if (n instanceof Node.MapNode m) {
      return m;
    }
    if (n instanceof Node.Choice c) {
      for (Node alt : c.alternatives()) {
        if (alt instanceof Node.MapNode m) {
          return m;
        }
      }
    }
    return null;
  }

  private static Result failed(String file, ScanError.Kind kind, String message) {
    return failed(file, 0, kind, message);
  }

  private static Result failed(String file, int line, ScanError.Kind kind, String message) {
    return new Result(null, List.of(new ScanError(file, line, kind, message)));
  }

  private static String ioMessage(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "the file does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "could not read the file: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
