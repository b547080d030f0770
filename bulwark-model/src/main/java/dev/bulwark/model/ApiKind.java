package dev.bulwark.model;

/** API Gateway flavour. */
public enum ApiKind {
  /** API Gateway v1 REST API. */
  REST,
  /** API Gateway v2 HTTP API. */
  HTTP,
  /** API Gateway v2 WebSocket API. */
  WEBSOCKET;

  /** The maximum integration timeout in milliseconds (the default quota). */
  public int maxIntegrationTimeoutMillis() {
    return this == REST ? 29_000 : 30_000;
  }
}
