package dev.bulwark.runtime;

/**
 * The kind of event that invoked the function, recognised from the event's shape.
 *
 * <pre>{@code
 * Verdict v = Protection.builder().build().inspect("{\"Records\":[]}");
 * Trigger t = v.trigger();
 * }</pre>
 */
public enum Trigger {
  API_GATEWAY_REST("apigateway-rest", true, false),
  API_GATEWAY_HTTP("apigateway-http", true, false),
  API_GATEWAY_WEBSOCKET("apigateway-websocket", true, false),
  ALB("alb", true, false),
  FUNCTION_URL("function-url", true, false),
  AUTHORIZER("apigateway-authorizer", false, false),
  SQS("sqs", false, true),
  SNS("sns", false, false),
  S3("s3", false, false),
  DYNAMODB("dynamodb", false, true),
  KINESIS("kinesis", false, true),
  EVENTBRIDGE("eventbridge", false, false),
  CLOUDWATCH_LOGS("cloudwatch-logs", false, false),
  COGNITO("cognito", false, false),
  /** Any other JSON: a direct invocation or an event shape Bulwark does not know. */
  DIRECT("direct", false, false);

  private final String label;
  private final boolean http;
  private final boolean batch;

  Trigger(String label, boolean http, boolean batch) {
    this.label = label;
    this.http = http;
    this.batch = batch;
  }

  /** Name used in events and verdicts: {@code apigateway-http}, {@code sqs}. */
  public String label() {
    return label;
  }

  /** True for triggers answered with an HTTP response (status code, headers, body). */
  public boolean isHttp() {
    return http;
  }

  /** True for triggers that support partial batch responses ({@code batchItemFailures}). */
  public boolean isBatch() {
    return batch;
  }
}
