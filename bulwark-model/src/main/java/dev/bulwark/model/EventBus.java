package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An EventBridge event bus (`AWS::Events::EventBus`) with its inline {@code Policy}; policies from
 `AWS::Events::EventBusPolicy` are {@link ResourcePolicy} resources.
 */
public record EventBus(
    ResourceMeta meta, Attr<String> name, Attr<PolicyDocument> policy) implements Resource {

}
