package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An IAM role (`AWS::IAM::Role`, or the execution role SAM generates for a function).

 <p>{@code policies} holds inline policies and expanded SAM policy templates. Policies attached
 from elsewhere (`AWS::IAM::Policy` resources, customer-managed policies, AWS-managed policies)
 are gathered by {@link CloudModel#policiesOf(Role)}.
 */
public record Role(
    ResourceMeta meta,
    Attr<String> name,
    Attr<PolicyDocument> trustPolicy,
    List<Policy> policies,
    List<Attr<Ref>> managedPolicyArns,
    Attr<Ref> permissionsBoundary) implements Resource {

  public Role {
    policies = List.copyOf(policies);
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }
}
