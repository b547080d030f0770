package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy that applies to a role, with where it came from.
 *
 * @param name policy name (inline policy name, SAM template name, managed policy name)
 * @param document the statements; for AWS-managed policies a summary of their effect
 * @param source how the policy is attached
 * @param location where it is declared (the list entry, the template call, the ARN)
 */
public record Policy(String name, PolicyDocument document, Source source, SourceLocation location) {

  /** How a policy got onto a role. */
  public sealed interface Source {}

  /** An inline policy of the role (or a SAM inline statement list). */
  public record Inline() implements Source {}

  /**
   * A SAM policy template such as {@code DynamoDBCrudPolicy}, expanded to its statements.
   *
   * @param template the template name
   * @param parameters the parameters as written (resolved), by name
   */
  public record SamTemplate(String template, Map<String, Node> parameters) implements Source {
    public SamTemplate {
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /**
   * An AWS-managed policy by ARN. {@code known} is false when Bulwark has no summary of it (its
   * document is then empty).
   */
  public record AwsManaged(String arn, boolean known) implements Source {}

  /** A customer-managed policy or {@code AWS::IAM::Policy} resource of the model. */
  public record Attached(String resourceId) implements Source {}
}
