package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An API Gateway usage plan (`AWS::ApiGateway::UsagePlan`): throttling and quota for API keys.
 */
public record UsagePlan(
    ResourceMeta meta,
    List<Attr<Ref>> apis,
    Attr<Double> throttlingRateLimit,
    Attr<Integer> throttlingBurstLimit) implements Resource {

  public UsagePlan {
    apis = List.copyOf(apis);
  }
}
