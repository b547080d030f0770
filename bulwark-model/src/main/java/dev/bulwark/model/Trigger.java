package dev.bulwark.model;

/**
 * An event source that invokes a function: an event source mapping (SQS, Kinesis, DynamoDB streams,
 * Kafka, MQ), an SNS subscription, an S3 notification, an EventBridge rule or schedule target, a
 * CloudWatch Logs subscription, or a SAM event of these kinds. API events are {@link Route}s
 * instead.
 *
 * <p>{@code onFailure} is the event source mapping's on-failure destination (stream and Kafka
 * sources); asynchronous triggers use the function's DLQ or {@link AsyncInvokeConfig}.
 *
 * @param bisectBatchOnFunctionError stream sources: split a failing batch to isolate the bad record
 *     (absent when not set; the service default is false)
 */
public record Trigger(
    ResourceMeta meta,
    TriggerKind kind,
    Attr<Ref> function,
    Attr<Ref> source,
    Attr<Ref> onFailure,
    Attr<Integer> maximumRetryAttempts,
    Attr<Boolean> enabled,
    Attr<Boolean> bisectBatchOnFunctionError)
    implements Resource {

  /** A trigger without stream batch settings. */
  public Trigger(
      ResourceMeta meta,
      TriggerKind kind,
      Attr<Ref> function,
      Attr<Ref> source,
      Attr<Ref> onFailure,
      Attr<Integer> maximumRetryAttempts,
      Attr<Boolean> enabled) {
    this(
        meta,
        kind,
        function,
        source,
        onFailure,
        maximumRetryAttempts,
        enabled,
        Attr.absent(meta.location()));
  }
}
