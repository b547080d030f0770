package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stage of an API (`AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`, or the one SAM creates).

 <p>Throttling is the stage-wide default (REST {@code MethodSettings} for every resource and method ({@code HttpMethod} and {@code ResourcePath} both {@code *}), HTTP
 {@code DefaultRouteSettings}); usage plans are separate ({@link CloudModel#usagePlansOf}).
 */
public record Stage(
    ResourceMeta meta,
    Attr<Ref> api,
    Attr<String> name,
    Attr<Double> throttlingRateLimit,
    Attr<Integer> throttlingBurstLimit,
    Attr<Ref> accessLogDestination,
    Attr<String> accessLogFormat,
    Attr<String> executionLoggingLevel,
    Attr<Boolean> tracing,
    Attr<Boolean> cacheClusterEnabled,
    Attr<Boolean> cachingEnabled,
    Attr<Boolean> cacheDataEncrypted) implements Resource {

}
