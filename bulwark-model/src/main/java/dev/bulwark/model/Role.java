package dev.bulwark.model;

import java.util.List;

/**
 * An IAM role ({@code AWS::IAM::Role}, or the execution role SAM generates for a function).
 *
 * <p>{@code policies} holds inline policies and expanded SAM policy templates. Policies attached
 * from elsewhere ({@code AWS::IAM::Policy} resources, customer-managed policies, AWS-managed
 * policies) are gathered by {@link CloudModel#policiesOf(Role)}.
 *
 * @param path the role's path ({@code Path}, SAM {@code RolePath}); defaulted to {@code /}
 */
public record Role(
    ResourceMeta meta,
    Attr<String> name,
    Attr<PolicyDocument> trustPolicy,
    List<Policy> policies,
    List<Attr<Ref>> managedPolicyArns,
    Attr<Ref> permissionsBoundary,
    Attr<String> path)
    implements Resource {

  public Role {
    policies = List.copyOf(policies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }

  /** A role at the default path {@code /}. */
  public Role(
      ResourceMeta meta,
      Attr<String> name,
      Attr<PolicyDocument> trustPolicy,
      List<Policy> policies,
      List<Attr<Ref>> managedPolicyArns,
      Attr<Ref> permissionsBoundary) {
    this(
        meta,
        name,
        trustPolicy,
        policies,
        managedPolicyArns,
        permissionsBoundary,
        Attr.defaulted("/", meta.location()));
  }
}
