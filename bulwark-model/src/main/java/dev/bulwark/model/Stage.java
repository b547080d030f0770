package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stage of an API (`AWS::ApiGateway::Stage`, `AWS::ApiGatewayV2::Stage`, or the one SAM creates).

 <p>Throttling is the stage-wide default (REST {@code MethodSettings} for every resource and method ({@code HttpMethod} and {@code ResourcePath} both {@code *}), HTTP
 {@code DefaultRouteSettings}); usage plans are separate ({@link CloudModel#usagePlansOf}).
 Caching is judged over every REST {@code MethodSettings} entry: {@code cachingEnabled} and
 {@code cacheDataEncrypted} come from the first entry that caches responses unencrypted, else from
 the first that caches, else from the stage-wide entry.
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
