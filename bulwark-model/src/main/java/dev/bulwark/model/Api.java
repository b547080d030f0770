package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An API: API Gateway REST API (`AWS::ApiGateway::RestApi`, `AWS::Serverless::Api`, implicit SAM
 API), HTTP or WebSocket API (`AWS::ApiGatewayV2::Api`, `AWS::Serverless::HttpApi`).

 <p>{@code routesComplete} is false when routes are defined in a definition Bulwark could not
 read (an OpenAPI file elsewhere): rules must then not conclude that an authorizer is unused.
 */
public record Api(
    ResourceMeta meta,
    ApiKind kind,
    Attr<String> name,
    Attr<String> endpointType,
    Attr<Boolean> disableExecuteApiEndpoint,
    Attr<PolicyDocument> resourcePolicy,
    boolean routesComplete) implements Resource {

  /** Definitely a private endpoint (reachable only from VPC endpoints). */
  public boolean isPrivate() {
    return endpointType.is(t -> t.equalsIgnoreCase("PRIVATE"));
  }
}
