package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A policy resource attached to roles: `AWS::IAM::Policy`, `AWS::IAM::RolePolicy` or
 `AWS::IAM::ManagedPolicy` ({@code managed} true). A managed policy is also attached to a role that
 lists it in {@code ManagedPolicyArns}.
 */
public record IamPolicy(
    ResourceMeta meta,
    Attr<String> name,
    Attr<PolicyDocument> document,
    List<Attr<Ref>> roles,
    boolean managed) implements Resource {

  public IamPolicy {
    roles = List.copyOf(roles);
  }
}
