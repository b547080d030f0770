package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Attr;
import dev.bulwark.model.IamPolicy;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code AWS::IAM::Role}, {@code Policy}, {@code ManagedPolicy}, {@code RolePolicy}. */
final class IamMapper {

  private IamMapper() {}

  static void role(MappingContext ctx, TemplateResource r, Props p) {
    List<Policy> policies = new ArrayList<>();
    for (Node entry : p.items("Policies")) {
      inlinePolicy(p, entry, null, policies);
    }
    ctx.add(
        new Role(
            ctx.meta(r, p),
            p.str("RoleName"),
            p.policy("AssumeRolePolicyDocument"),
            policies,
            p.refs("ManagedPolicyArns"),
            p.ref("PermissionsBoundary"),
            p.str("Path", "/")));
  }

  private static void inlinePolicy(Props p, Node entry, @Nullable String onlyIf, List<Policy> out) {
    if (entry instanceof Node.Choice c) {
      for (Node alt : c.alternatives()) {
        inlinePolicy(p, alt, c.condition(), out);
      }
      return;
    }
    if (entry instanceof Node.Absent) {
      return;
    }
    Props e = p.subOf(entry, "Policies");
    Attr<String> name = e.str("PolicyName");
    Attr<PolicyDocument> doc = e.policy("PolicyDocument");
    PolicyDocument d = doc.value().orElse(new PolicyDocument(List.of(), false, entry.location()));
    if (doc.isAbsent() && !e.isUnknown()) {
      p.ctx().invalid(entry.location(), p.owner(), "Policies: an entry has no PolicyDocument");
    }
    out.add(
        new Policy(
            name.value().orElse(name.shape()),
            SamPolicies.onlyIf(d, onlyIf),
            new Policy.Inline(),
            entry.location()));
  }

  static void policy(MappingContext ctx, TemplateResource r, Props p, boolean managed) {
    List<Attr<Ref>> roles = new ArrayList<>();
    for (Attr<Ref> role : p.refs("Roles")) {
      roles.add(ctx.roleRef(role));
    }
    if (p.has("RoleName")) {
      roles.add(ctx.roleRef(p.ref("RoleName")));
    }
    ctx.add(
        new IamPolicy(
            ctx.meta(r, p),
            managed ? p.str("ManagedPolicyName") : p.str("PolicyName"),
            p.policy("PolicyDocument"),
            roles,
            managed));
  }
}
