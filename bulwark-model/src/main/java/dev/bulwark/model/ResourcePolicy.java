package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A resource policy declared as its own resource: `AWS::SQS::QueuePolicy`, `AWS::SNS::TopicPolicy`,
 `AWS::S3::BucketPolicy`, `AWS::Events::EventBusPolicy`. {@code targets} are the resources it
 applies to.
 */
public record ResourcePolicy(
    ResourceMeta meta, Attr<PolicyDocument> document, List<Attr<Ref>> targets) implements Resource {

  public ResourcePolicy {
    targets = List.copyOf(targets);
  }
}
