package dev.bulwark.model;

import java.util.List;

/**
 * A route of an API: a REST method ({@code AWS::ApiGateway::Method}), an HTTP/WebSocket route
 * ({@code AWS::ApiGatewayV2::Route}), a SAM {@code Api}/{@code HttpApi} event, or an operation of
 * an inline OpenAPI definition.
 *
 * <p>{@code authorizationType} uses one vocabulary for every source: {@code NONE}, {@code AWS_IAM},
 * {@code CUSTOM} (Lambda authorizer), {@code COGNITO_USER_POOLS}, {@code JWT}.
 *
 * @param authorizationScopes OAuth scopes the route requires (Cognito and JWT authorizers)
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
    Attr<Boolean> requestModelValidated,
    List<Attr<String>> authorizationScopes)
    implements Resource {

  public Route {
    authorizationScopes = List.copyOf(authorizationScopes);
  }

  /** A route without authorization scopes. */
  public Route(
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
      Attr<Boolean> requestModelValidated) {
    this(
        meta,
        api,
        method,
        path,
        authorizationType,
        authorizer,
        apiKeyRequired,
        integrationFunction,
        integrationTimeoutMillis,
        requestValidator,
        requestModelValidated,
        List.of());
  }

  /** Definitely no authorization ({@code NONE}). */
  public boolean isUnauthenticated() {
    return authorizationType.is(t -> t.equalsIgnoreCase("NONE"));
  }

  /** {@code METHOD /path} for messages. */
  public String display() {
    return method.shape() + " " + path.shape();
  }
}
