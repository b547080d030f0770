package dev.bulwark.runtime;

import java.util.Locale;

/**
 * What happens, in {@link Mode#BLOCK}, to the records of an SQS, Kinesis or DynamoDB batch that
 * carry an attack. The good records of the batch are always passed to the handler.
 *
 * <pre>{@code
 * Protection p = Protection.builder().mode(Mode.BLOCK).batchFailures(BatchFailureMode.DROP).build();
 * }</pre>
 */
public enum BatchFailureMode {
  /**
   * Report the offending records as {@code batchItemFailures} (the default): the event source
   * retries them and, after the redrive policy, moves them to the dead-letter queue for review.
   * Needs {@code ReportBatchItemFailures} on the event source mapping.
   */
  REPORT,
  /** Drop the offending records: they are logged and deleted with the batch. */
  DROP;

  /** Parses {@code report} or {@code drop} (any case); fails naming the bad value. */
  public static BatchFailureMode parse(String text) {
    for (BatchFailureMode m : values()) {
      if (m.name().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("batch failure mode '" + text + "' is not one of: report, drop");
  }

  /** Lower-case name: {@code report}, {@code drop}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
