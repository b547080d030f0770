package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A function resource-policy statement (`AWS::Lambda::Permission`, or one SAM generates for an
 event or a function URL).
 */
public record Permission(
    ResourceMeta meta,
    Attr<Ref> function,
    Attr<String> action,
    Attr<String> principal,
    Attr<String> sourceArn,
    Attr<String> sourceAccount,
    Attr<String> principalOrgId,
    Attr<String> functionUrlAuthType,
    Attr<String> eventSourceToken) implements Resource {

}
