package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Asynchronous invocation settings of a function (`AWS::Lambda::EventInvokeConfig` or SAM
 {@code EventInvokeConfig}).
 */
public record AsyncInvokeConfig(
    ResourceMeta meta,
    Attr<Ref> function,
    Attr<String> qualifier,
    Attr<Ref> onFailure,
    Attr<Ref> onSuccess,
    Attr<Integer> maximumRetryAttempts,
    Attr<Integer> maximumEventAgeSeconds) implements Resource {

}
