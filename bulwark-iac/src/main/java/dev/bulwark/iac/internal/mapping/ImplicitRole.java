package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Role;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The execution role SAM generates for a function without {@code Role}; the function's properties
 * and events add managed policies and inline policies to it.
 */
final class ImplicitRole {

  private final String id;
  private final MappingContext ctx;
  private final List<Policy> policies = new ArrayList<>();
  private final List<Attr<Ref>> managed = new ArrayList<>();
  private final Set<String> managedArns = new HashSet<>();

  ImplicitRole(String id, MappingContext ctx) {
    this.id = id;
    this.ctx = ctx;
  }

  String id() {
    return id;
  }

  /** An AWS-managed policy SAM attaches, by name; located where the reason for it is written. */
  void awsManaged(String name, SourceLocation at) {
    String arn = ManagedPolicyNames.arnOf(name, ctx.pseudo().partition());
    if (managedArns.add(arn)) {
      managed.add(Attr.defaulted(Ref.literal(arn), at));
    }
  }

  /** A managed policy the user listed. */
  void managed(Attr<Ref> arn) {
    String literal = arn.value().flatMap(Ref::literal).orElse(null);
    if (literal == null || managedArns.add(literal)) {
      managed.add(arn);
    }
  }

  void policy(Policy p) {
    policies.add(p);
  }

  /** An inline policy SAM writes (dead-letter queue, destinations, event sources). */
  void inline(String name, List<Statement> statements, SourceLocation at) {
    policies.add(new Policy(name, PolicyDocument.of(statements, at), new Policy.Inline(), at));
  }

  Role build(
      ResourceMeta meta,
      Attr<PolicyDocument> trust,
      Attr<Ref> permissionsBoundary,
      Attr<String> path) {
    return new Role(
        meta, Attr.absent(meta.location()), trust, policies, managed, permissionsBoundary, path);
  }
}
