package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SAM resource's {@code Policies} property, read the way the SAM transform reads it: managed
 * policy names and ARNs (and intrinsics) become managed policy ARNs of the role; maps with a {@code
 * Statement} are inline policies; single-key maps naming a policy template are expanded.
 */
final class SamPolicies {

  /** The role policies and managed policy ARNs. */
  record Result(List<Policy> policies, List<Attr<Ref>> managed) {}

  private SamPolicies() {}

  static Result read(Props props, String roleId) {
    List<Policy> policies = new ArrayList<>();
    List<Attr<Ref>> managed = new ArrayList<>();
    Node n = props.node("Policies");
    if (n == null) {
      return new Result(policies, managed);
    }
    List<Node> entries = n instanceof Node.ListNode l ? l.items() : List.of(n);
    int index = 0;
    for (Node e : entries) {
      entry(props, roleId, e, index++, null, policies, managed);
    }
    return new Result(policies, managed);
  }

  private static void entry(
      Props props,
      String roleId,
      Node e,
      int index,
      @Nullable String onlyIf,
      List<Policy> policies,
      List<Attr<Ref>> managed) {
    MappingContext ctx = props.ctx();
    String partition = ctx.pseudo().partition();
    if (e instanceof Node.Absent || e instanceof Node.Scalar s && s.value() == null) {
      return;
    }
    if (e instanceof Node.Scalar s) {
      if (s.kind() != Node.Scalar.Kind.STRING) {
        ctx.invalid(
            s.location(),
            props.owner(),
            "Policies: expected a policy name, ARN, document or template but found "
                + Props.describe(s));
        return;
      }
      String v = s.value().trim();
      String arn = v.startsWith("arn:") ? v : ManagedPolicyNames.arnOf(v, partition);
      if (v.isEmpty()) {
        ctx.invalid(s.location(), props.owner(), "Policies: an entry is empty");
        return;
      }
      managed.add(Attr.of(Ref.literal(arn), s.location()));
      return;
    }
    if (e instanceof Node.Reference || e instanceof Node.Text || e instanceof Node.Unknown) {
      managed.add(props.ref(e, "Policies"));
      return;
    }
    if (e instanceof Node.Choice c) {
      boolean anyMap = c.alternatives().stream().anyMatch(a -> a instanceof Node.MapNode);
      if (!anyMap) {
        managed.add(props.ref(c, "Policies"));
        return;
      }
      for (Node alt : c.alternatives()) {
        entry(props, roleId, alt, index, c.condition(), policies, managed);
      }
      return;
    }
    if (e instanceof Node.MapNode m) {
      if (m.get("Statement") != null) {
        PolicyDocument doc = PolicyDocument.parse(m);
        policies.add(
            new Policy(
                roleId + "Policy" + index, onlyIf(doc, onlyIf), new Policy.Inline(), m.location()));
        return;
      }
      if (m.entries().size() == 1) {
        String name = m.entries().keySet().iterator().next();
        template(props, name, m.get(name), m.keyLocation(name), onlyIf, policies);
        return;
      }
      ctx.invalid(
          m.location(),
          props.owner(),
          "Policies: an entry is neither a policy document (no Statement) nor a policy template");
      return;
    }
    ctx.invalid(
        e.location(),
        props.owner(),
        "Policies: expected a policy name, ARN, document or template but found "
            + Props.describe(e));
  }

  private static void template(
      Props props,
      String name,
      @Nullable Node args,
      SourceLocation at,
      @Nullable String onlyIf,
      List<Policy> policies) {
    MappingContext ctx = props.ctx();
    Map<String, Node> parameters = new LinkedHashMap<>();
    if (args instanceof Node.MapNode am) {
      parameters.putAll(am.entries());
    } else if (args != null && !(args instanceof Node.Scalar s && s.value() == null)) {
      if (!(args instanceof Node.Unknown || args instanceof Node.Choice)) {
        ctx.invalid(
            args.location(), props.owner(), "Policies: " + name + ": expected a map of parameters");
      }
      policies.add(
          new Policy(
              name,
              new PolicyDocument(List.of(), false, at),
              new Policy.SamTemplate(name, parameters),
              at));
      return;
    }
    Optional<SamPolicyTemplates.Template> t = SamPolicyTemplates.get(name);
    if (t.isEmpty()) {
      ctx.invalid(
          at,
          props.owner(),
          "Policies: '"
              + name
              + "' is not a SAM policy template Bulwark knows; its permissions are not analysed");
      policies.add(
          new Policy(
              name,
              new PolicyDocument(List.of(), false, at),
              new Policy.SamTemplate(name, parameters),
              at));
      return;
    }
    List<String> missing = new ArrayList<>();
    Policy p = SamPolicyTemplates.expand(t.get(), parameters, at, onlyIf, ctx.pseudo(), missing);
    if (!missing.isEmpty()) {
      ctx.invalid(
          at,
          props.owner(),
          "Policies: " + name + " needs parameter(s) " + String.join(", ", missing));
    }
    policies.add(p);
  }

  /** Marks every statement of a document as applying only under an unresolved condition. */
  static PolicyDocument onlyIf(PolicyDocument doc, @Nullable String condition) {
    if (condition == null) {
      return doc;
    }
    List<Statement> out = new ArrayList<>();
    for (Statement s : doc.statements()) {
      out.add(
          new Statement(
              s.sid(),
              s.effect(),
              s.actions(),
              s.notAction(),
              s.resources(),
              s.notResource(),
              s.principals(),
              s.notPrincipal(),
              s.conditions(),
              s.conditionsKnown(),
              s.onlyIf() != null ? s.onlyIf() : condition,
              s.location()));
    }
    return new PolicyDocument(out, doc.complete(), doc.location());
  }
}
