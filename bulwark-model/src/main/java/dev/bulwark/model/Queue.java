package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An SQS queue (`AWS::SQS::Queue`). {@code sqsManagedSse} is defaulted to true (the service default
 since 2022).
 */
public record Queue(
    ResourceMeta meta,
    Attr<String> name,
    Attr<Boolean> sqsManagedSse,
    Attr<Ref> kmsKey,
    Attr<Ref> deadLetterTarget,
    Attr<Integer> maxReceiveCount) implements Resource {

}
