package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An SNS topic (`AWS::SNS::Topic`).
 */
public record Topic(
    ResourceMeta meta, Attr<String> name, Attr<Ref> kmsKey) implements Resource {

}
