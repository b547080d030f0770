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
 * @param invocationType how the integration invokes its function: {@link #REQUEST_RESPONSE} (the
 *     API waits for the function, the default), {@link #EVENT} (asynchronous: the integration sets
 *     {@code X-Amz-Invocation-Type} to {@code 'Event'} and answers before the function runs) or
 *     {@link #RESPONSE_STREAM} (response streaming, whose integration may run up to 15 minutes)
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
    List<Attr<String>> authorizationScopes,
    Attr<String> invocationType)
    implements Resource {

  /** The API waits for the function's response. */
  public static final String REQUEST_RESPONSE = "RequestResponse";

  /** The API hands the request to the function asynchronously and answers at once. */
  public static final String EVENT = "Event";

  /** The function streams its response to the API. */
  public static final String RESPONSE_STREAM = "ResponseStream";

  public Route {
    authorizationScopes = List.copyOf(authorizationScopes);
  }

  /** A route whose integration waits for the function ({@link #REQUEST_RESPONSE}). */
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
      Attr<Boolean> requestModelValidated,
      List<Attr<String>> authorizationScopes) {
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
        authorizationScopes,
        Attr.defaulted(REQUEST_RESPONSE, meta.location()));
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

  /** Definitely waits for the function's response ({@link #REQUEST_RESPONSE}). */
  public boolean waitsForResponse() {
    return invocationType.isEqualTo(REQUEST_RESPONSE);
  }

  /** {@code METHOD /path} for messages. */
  public String display() {
    return method.shape() + " " + path.shape();
  }
}
