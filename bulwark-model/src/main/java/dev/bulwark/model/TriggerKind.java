package dev.bulwark.model;

/** The kind of event source behind a {@link Trigger}. */
public enum TriggerKind {
  SQS(Invocation.POLL),
  KINESIS(Invocation.POLL),
  DYNAMODB(Invocation.POLL),
  KAFKA(Invocation.POLL),
  MQ(Invocation.POLL),
  DOCUMENTDB(Invocation.POLL),
  SNS(Invocation.ASYNC),
  S3(Invocation.ASYNC),
  EVENTBRIDGE(Invocation.ASYNC),
  SCHEDULE(Invocation.ASYNC),
  CLOUDWATCH_LOGS(Invocation.ASYNC),
  IOT(Invocation.ASYNC),
  COGNITO(Invocation.SYNC),
  ALB(Invocation.SYNC),
  OTHER(Invocation.SYNC);

  /** How Lambda is invoked by this kind of source. */
  public enum Invocation {
    /** An event source mapping polls and invokes synchronously in batches. */
    POLL,
    /** The service invokes asynchronously; failures go to a DLQ or on-failure destination. */
    ASYNC,
    /** The caller waits for the result. */
    SYNC
  }

  private final Invocation invocation;

  TriggerKind(Invocation invocation) {
    this.invocation = invocation;
  }

  public Invocation invocation() {
    return invocation;
  }

  public boolean isAsync() {
    return invocation == Invocation.ASYNC;
  }

  /** Streams and Kafka support an on-failure destination on the event source mapping. */
  public boolean supportsOnFailureDestination() {
    return this == KINESIS || this == DYNAMODB || this == KAFKA;
  }
}
