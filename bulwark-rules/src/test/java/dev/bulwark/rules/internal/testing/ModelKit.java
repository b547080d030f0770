package dev.bulwark.rules.internal.testing;

import dev.bulwark.core.Finding;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Resource;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Role;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleCatalog;
import dev.bulwark.rules.RuleSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small models by hand, for rule tests that must not depend on the template adapter: every
 * value gets its own line in {@code t.yaml}, so tests can tell where a finding points.
 */
public final class ModelKit {

  public static final String FILE = "t.yaml";

  private int line = 1;

  /** A fresh location on the next line. */
  public SourceLocation at() {
    return SourceLocation.of(FILE, line++);
  }

  public ResourceMeta meta(String id, String type) {
    return ResourceMeta.of(id, type, SourceLocation.of(FILE, line++, line++));
  }

  public <T> Attr<T> of(T value) {
    return Attr.of(value, at());
  }

  public <T> Attr<T> absent() {
    return Attr.absent(at());
  }

  public <T> Attr<T> defaulted(T value) {
    return Attr.defaulted(value, at());
  }

  public <T> Attr<T> unknown(String name, String... refs) {
    return Attr.unknown(at(), "${" + name + "}", List.of(refs));
  }

  public Attr<Ref> ref(String id) {
    return Attr.of(Ref.to(id), at());
  }

  // ------------------------------------------------------------------ nodes

  public Node s(String value) {
    return new Node.Scalar(value, Node.Scalar.Kind.STRING, at());
  }

  public Node reference(String id) {
    return new Node.Reference(id, null, at());
  }

  public Node unresolved(String name) {
    return new Node.Unknown(name, "parameter without a value", at());
  }

  public Node list(Node... items) {
    return new Node.ListNode(List.of(items), at());
  }

  /** A map from alternating keys and values; a value that is a String becomes a scalar. */
  public Node.MapNode map(Object... keysAndValues) {
    SourceLocation where = at();
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, SourceLocation> keys = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String k = (String) keysAndValues[i];
      Object v = keysAndValues[i + 1];
      keys.put(k, where);
      entries.put(k, v instanceof Node n ? n : s(String.valueOf(v)));
    }
    return new Node.MapNode(entries, keys, where);
  }

  /** A policy document attribute with the given statements. */
  public Attr<PolicyDocument> policy(Node... statements) {
    Node doc = map("Version", "2012-10-17", "Statement", list(statements));
    return Attr.of(PolicyDocument.parse(doc), doc.location());
  }

  // ------------------------------------------------------------------ resources

  /** A function with the given role reference and environment variables (name, value). */
  public Function function(String id, Attr<Ref> role, Function.EnvVar... env) {
    return new Function(meta(id, "AWS::Lambda::Function"), absent(), of("python3.12"),
        of("index.handler"), defaulted("Zip"), defaulted(128), defaulted(3),
        defaulted("PassThrough"), absent(), List.of(env), absent(), absent(), absent(), List.of(),
        role, absent(), absent(), absent(),
        new Function.Code(Function.Code.Kind.INLINE, absent(), of("def handler(e, c): pass")));
  }

  public Function.EnvVar env(String name, Attr<String> value) {
    return new Function.EnvVar(name, value, at());
  }

  /** A role with one inline policy made of the given statements. */
  public Role role(String id, Node... statements) {
    PolicyDocument doc = policy(statements).get();
    return new Role(meta(id, "AWS::IAM::Role"), absent(), absent(),
        List.of(new Policy("inline", doc, new Policy.Inline(), at())), List.of(), absent());
  }

  // ------------------------------------------------------------------ running

  public static CloudModel model(Resource... resources) {
    return CloudModel.builder(FILE).addAll(List.of(resources)).build();
  }

  public static List<Finding> run(Rule rule, CloudModel model) {
    Findings findings = new Findings(RuleCatalog.metadata(rule), RuleSettings.defaults());
    rule.check(model, findings);
    return new ArrayList<>(findings.results());
  }

  public static List<Finding> run(Rule rule, Resource... resources) {
    return run(rule, model(resources));
  }
}
