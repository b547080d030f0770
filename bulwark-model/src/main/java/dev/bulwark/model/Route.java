package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A route of an API: a REST method (`AWS::ApiGateway::Method`), an HTTP/WebSocket route
 (`AWS::ApiGatewayV2::Route`), or a SAM {@code Api}/{@code HttpApi} event.

 <p>{@code authorizationType} uses one vocabulary for every source: {@code NONE}, {@code
 AWS_IAM}, {@code CUSTOM} (Lambda authorizer), {@code COGNITO_USER_POOLS}, {@code JWT}.
 */
public record Route(
    ResourceMeta meta,
    Attr<Ref> api,
    Attr<String> method,
    Attr<String> path,
    Attr<String> authorizationType,
    Attr<Ref> authorizer,
    Attr<Boolean> apiKeyRequired,
    Attr<Ref> integrationFunction,
    Attr<Integer> integrationTimeoutMillis,
    Attr<Ref> requestValidator,
    Attr<Boolean> requestModelValidated) implements Resource {

  /** Definitely no authorization ({@code NONE}). */
  public boolean isUnauthenticated() {
    return authorizationType.is(t -> t.equalsIgnoreCase("NONE"));
  }

  /** {@code METHOD /path} for messages. */
  public String display() {
    return method.shape() + " " + path.shape();
  }
}
