package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ignore;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Resource;
import dev.bulwark.model.ResourceMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** State shared by the mappers of one template: the model being built and the errors met. */
final class MappingContext {

  private final Template template;
  private final CloudModel.Builder builder;
  private final List<ScanError> errors = new ArrayList<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Set<String> aliasTargets = new HashSet<>();
  private final Map<String, ResourceMeta> declaredMeta = new HashMap<>();
  private final Pseudo pseudo = Pseudo.defaults();
  private final Map<String, String> functionsByName = new HashMap<>();
  private final Map<String, String> rolesByName = new HashMap<>();

  MappingContext(Template template) {
    this.template = template;
    this.builder = CloudModel.builder(template.file()).location(template.location());
    template.parameters().forEach(builder::parameter);
  }

  Template template() {
    return template;
  }

  Pseudo pseudo() {
    return pseudo;
  }

  String file() {
    return template.file();
  }

  @Nullable TemplateResource declared(String id) {
    return template.resources().get(id);
  }

  /** Adds a resource unless one with the same id exists (an error then names both). */
  void add(Resource r) {
    if (builder.contains(r.id())) {
      invalid(r.location(), r.id(), "a resource with this id already exists; this one is ignored");
      return;
    }
    builder.add(r);
  }

  boolean contains(String id) {
    return builder.contains(id);
  }

  /** A malformed property: reported, mapping goes on. */
  void invalid(SourceLocation at, String resourceId, String message) {
    errors.add(
        new ScanError(file(), at.startLine(), ScanError.Kind.INVALID, resourceId + ": " + message));
  }

  void internal(SourceLocation at, String resourceId, RuntimeException e) {
    errors.add(
        new ScanError(
            file(),
            at.startLine(),
            ScanError.Kind.INTERNAL,
            resourceId + ": could not be mapped (" + e.getClass().getSimpleName() + ")"));
  }

  List<ScanError> errors() {
    return errors;
  }

  CloudModel build() {
    return builder.build();
  }

  // ------------------------------------------------------------------ aliases

  /** Registers {@code !Ref Fn.Alias} / {@code Fn.Version} targets of a SAM function. */
  void alias(String reference, String targetId) {
    aliases.put(reference, targetId);
    aliasTargets.add(targetId);
  }

  /**
   * The reference a {@code Ref}/{@code GetAtt} designates: {@code Fn.Alias} (also written {@code
   * ${Fn.Alias}}) is the alias SAM generates.
   */
  Ref.ToResource toRef(String logicalId, @Nullable String attribute) {
    if (attribute != null) {
      String dotted = aliases.get(logicalId + "." + attribute);
      if (dotted != null) {
        return new Ref.ToResource(dotted, null);
      }
    }
    return new Ref.ToResource(target(logicalId), attribute);
  }

  /** The model id a reference designates ({@code Fn.Alias} → {@code FnAliaslive}). */
  String target(String logicalId) {
    String t = aliases.get(logicalId);
    return t != null ? t : logicalId;
  }

  /** Records a function's literal {@code FunctionName}, so literal names and ARNs can be linked. */
  void functionName(String name, String id) {
    functionsByName.putIfAbsent(name, id);
  }

  /**
   * A reference to a function: a literal name or ARN of a function of this template (by its {@code
   * FunctionName}) becomes a reference to that function.
   */
  Attr<Ref> functionRef(Attr<Ref> a) {
    Optional<String> literal = a.value().flatMap(Ref::literal);
    if (literal.isEmpty()) {
      return a;
    }
    String name = literal.get();
    if (name.startsWith("arn:")) {
      String[] parts = name.split(":");
      if (parts.length < 7 || !parts[5].equals("function")) {
        return a;
      }
      name = parts[6];
    }
    String id = functionsByName.get(name);
    if (id == null) {
      return a;
    }
    Ref r = Ref.to(id);
    return a.isExplicit() ? Attr.of(r, a.location()) : Attr.defaulted(r, a.location());
  }

  /** True when the reference designates a function (or an alias or version of one). */
  boolean isFunction(Attr<Ref> a) {
    Optional<Ref> r = a.value();
    if (r.isEmpty()) {
      return false;
    }
    Optional<String> id = r.get().resourceId();
    if (id.isPresent()) {
      if (aliasTargets.contains(id.get())) {
        return true;
      }
      TemplateResource t = declared(id.get());
      return t != null
          && (t.type().equals("AWS::Lambda::Function")
              || t.type().equals("AWS::Serverless::Function")
              || t.type().equals("AWS::Lambda::Alias")
              || t.type().equals("AWS::Lambda::Version"));
    }
    String literal = r.get().literal().orElse("");
    return literal.startsWith("arn:")
        && literal.contains(":lambda:")
        && literal.contains(":function:");
  }

  void roleName(String name, String id) {
    rolesByName.putIfAbsent(name, id);
  }

  /** A reference to a role: a literal name or role ARN of a role of this template is linked. */
  Attr<Ref> roleRef(Attr<Ref> a) {
    Optional<String> literal = a.value().flatMap(Ref::literal);
    if (literal.isEmpty()) {
      return a;
    }
    String name = literal.get();
    if (name.startsWith("arn:")) {
      int slash = name.lastIndexOf('/');
      if (!name.contains(":role/") || slash < 0) {
        return a;
      }
      name = name.substring(slash + 1);
    }
    String id = rolesByName.get(name);
    if (id == null) {
      return a;
    }
    Ref r = Ref.to(id);
    return a.isExplicit() ? Attr.of(r, a.location()) : Attr.defaulted(r, a.location());
  }

  // ------------------------------------------------------------------ metadata

  /** The metadata of a declared resource: tags, suppressions, condition, CDK path. */
  ResourceMeta meta(TemplateResource r, Props props) {
    ResourceMeta m = declaredMeta.get(r.logicalId());
    if (m != null) {
      return m;
    }
    Node cdkPath = r.metadata().get("aws:cdk:path");
    m =
        new ResourceMeta(
            r.logicalId(),
            r.type(),
            r.location(),
            tags(props),
            ignores(r),
            null,
            r.condition(),
            cdkPath == null ? null : cdkPath.text().orElse(null));
    declaredMeta.put(r.logicalId(), m);
    return m;
  }

  /** Metadata of a resource SAM generates from {@code parent}: it inherits suppressions. */
  static ResourceMeta generated(
      String id, String type, SourceLocation location, ResourceMeta parent) {
    return generated(id, type, location, parent, Map.of());
  }

  static ResourceMeta generated(
      String id,
      String type,
      SourceLocation location,
      ResourceMeta parent,
      Map<String, Attr<String>> tags) {
    return new ResourceMeta(
        id,
        type,
        location,
        tags,
        parent.ignores(),
        parent.id(),
        parent.condition(),
        parent.sourcePath());
  }

  /** Tags in either the CloudFormation list form or the SAM/map form. */
  Map<String, Attr<String>> tags(Props props) {
    Node tags = props.node("Tags");
    Map<String, Attr<String>> out = new LinkedHashMap<>();
    if (tags == null) {
      return out;
    }
    if (tags instanceof Node.MapNode m) {
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        out.put(e.getKey(), props.str(e.getValue(), "Tags." + e.getKey()));
      }
    } else if (tags instanceof Node.ListNode l) {
      for (Node item : l.items()) {
        if (item instanceof Node.MapNode tag) {
          Node key = tag.get("Key");
          Optional<String> k = key == null ? Optional.empty() : key.text();
          if (k.isPresent()) {
            Node value = tag.get("Value");
            out.put(
                k.get(),
                value == null ? Attr.absent(tag.location()) : props.str(value, "Tags.Value"));
          } else if (key == null) {
            invalid(tag.location(), props.owner(), "Tags: an entry has no Key");
          }
        } else if (!(item instanceof Node.Absent) && !(item instanceof Node.Choice)) {
          invalid(item.location(), props.owner(), "Tags: an entry is not a {Key, Value} map");
        }
      }
    } else if (!(tags instanceof Node.Unknown) && !(tags instanceof Node.Choice)) {
      invalid(tags.location(), props.owner(), "Tags: expected a map or a list of {Key, Value}");
    }
    return out;
  }

  /**
   * Suppressions: {@code Metadata: {bulwark: {ignore: [{id: X, reason: …}, Y]}}}; also a single
   * entry instead of a list, and {@code rule} as a synonym of {@code id}.
   */
  List<Ignore> ignores(TemplateResource r) {
    List<Ignore> out = new ArrayList<>();
    Node bulwark = r.metadata().get("bulwark");
    if (bulwark == null) {
      return out;
    }
    if (!(bulwark instanceof Node.MapNode bm)) {
      invalid(bulwark.location(), r.logicalId(), "Metadata.bulwark: expected a map with 'ignore'");
      return out;
    }
    Node ignore = bm.get("ignore");
    if (ignore == null) {
      return out;
    }
    List<Node> entries = ignore instanceof Node.ListNode l ? l.items() : List.of(ignore);
    for (Node e : entries) {
      if (e instanceof Node.Scalar s && s.value() != null && !s.value().isBlank()) {
        out.add(new Ignore(s.value().trim(), null, s.location()));
      } else if (e instanceof Node.MapNode m) {
        Node id = m.get("id") != null ? m.get("id") : m.get("rule");
        Optional<String> ruleId = id == null ? Optional.empty() : id.text();
        if (ruleId.isEmpty() || ruleId.get().isBlank()) {
          invalid(e.location(), r.logicalId(), "Metadata.bulwark.ignore: an entry has no 'id'");
          continue;
        }
        Node reason = m.get("reason");
        out.add(
            new Ignore(
                ruleId.get().trim(),
                reason == null ? null : reason.text().orElse(reason.shape()),
                m.location()));
      } else {
        invalid(
            e.location(),
            r.logicalId(),
            "Metadata.bulwark.ignore: expected a rule id or {id, reason}");
      }
    }
    return out;
  }
}
