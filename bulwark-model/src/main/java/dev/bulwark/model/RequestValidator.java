package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A REST API request validator (`AWS::ApiGateway::RequestValidator`).
 */
public record RequestValidator(
    ResourceMeta meta,
    Attr<Ref> api,
    Attr<Boolean> validateBody,
    Attr<Boolean> validateParameters) implements Resource {

}
