package dev.bulwark.runtime.internal.guard;

/** What a guard sees of the chain: the invocation, and the ways to go on or object. */
public interface Chain {

  Invocation invocation();

  /** Runs the rest of the chain and the handler; may be called at most once. */
  Outcome proceed();

  /**
   * Objects to the whole invocation: logs the findings; in block mode returns {@code
   * rejection} without proceeding, in monitor mode proceeds.
   */
  Outcome reject(Rejection rejection, java.util.List<Finding> findings);

  /** {@link #reject(Rejection, java.util.List)} with one finding. */
  default Outcome reject(Rejection rejection, Finding finding) {
    return reject(rejection, java.util.List.of(finding));
  }

  /**
   * Objects to one record of a batch: logs {@code finding}; in block mode the record is kept
   * from the handler (reported or dropped). The guard still calls {@link #proceed()}.
   */
  void rejectRecord(int record, Finding finding);

  /** Logs {@code finding} with {@code action} without objecting ({@code logged}, {@code skipped}). */
  void log(Finding finding, String action);
}
