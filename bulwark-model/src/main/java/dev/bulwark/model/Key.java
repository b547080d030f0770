package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A KMS key (`AWS::KMS::Key`). {@code rotation} is defaulted to false; {@code keySpec} to {@code
 SYMMETRIC_DEFAULT}.
 */
public record Key(
    ResourceMeta meta,
    Attr<PolicyDocument> policy,
    Attr<Boolean> rotation,
    Attr<String> keySpec,
    Attr<Boolean> enabled) implements Resource {

}
