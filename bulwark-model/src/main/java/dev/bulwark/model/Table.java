package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A DynamoDB table (`AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable`,
 `AWS::Serverless::SimpleTable`). Encryption: {@code sseEnabled} false means the AWS-owned key.
 */
public record Table(
    ResourceMeta meta,
    Attr<String> name,
    Attr<Boolean> pointInTimeRecovery,
    Attr<Boolean> sseEnabled,
    Attr<Ref> kmsKey) implements Resource {

}
