package dev.bulwark.runtime.internal.guard;

import dev.bulwark.runtime.BatchFailureMode;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.internal.event.EventRecorder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable chain of guards ending in the handler. A guard that throws (or breaks the chain's
 * rules, like proceeding twice or returning null) is reported once per container by name, and the
 * invocation continues with the next guard — unless the chain fails closed, when it is rejected
 * with 503.
 */
public final class GuardChain {

  private final List<Guard> guards;
  private final Mode mode;
  private final BatchFailureMode batchMode;
  private final boolean failClosed;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public GuardChain(List<Guard> guards, Mode mode, BatchFailureMode batchMode, boolean failClosed) {
    this.guards = List.copyOf(guards);
    this.mode = mode;
    this.batchMode = batchMode;
    this.failClosed = failClosed;
  }

  public List<Guard> guards() {
    return guards;
  }

  /** Runs the chain; the handler's exceptions come out as {@link HandlerFailure}. */
  public Outcome run(Invocation invocation, EventRecorder events, Terminal terminal) {
    return new Run(invocation, events, terminal).from(0);
  }

  private final class Run {
    final Invocation inv;
    final EventRecorder events;
    final Terminal terminal;

    Run(Invocation inv, EventRecorder events, Terminal terminal) {
      this.inv = inv;
      this.events = events;
      this.terminal = terminal;
    }

    Outcome from(int index) {
      if (index == guards.size()) {
        return terminal.call(inv);
      }
      Guard guard = guards.get(index);
      Link link = new Link(this, index);
      try {
        Outcome o = guard.intercept(link);
        if (o == null) {
          throw new IllegalStateException("guard '" + guard.name() + "' returned no outcome");
        }
        return o;
      } catch (HandlerFailure e) {
        throw e;
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        if (link.result != null) {
          failed(guard, e);
          return link.result; // the handler already ran; its result stands
        }
        if (link.proceeded) {
          throw e;
        }
        failed(guard, e);
        if (failClosed) {
          events.record(Finding.of("guard-error", guard.name() + ".failed"), "blocked");
          return new Outcome.Rejected(Rejection.unavailable());
        }
        return from(index + 1);
      }
    }

    void failed(Guard guard, Throwable e) {
      String key = guard.name() + ":" + e.getClass().getName();
      if (reported.add(key)) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        events.record(
            new Finding("guard-error", guard.name() + ".failed", "", e.getClass().getSimpleName() + message),
            failClosed ? "blocked" : "skipped");
      }
    }
  }

  private final class Link implements Chain {
    final Run run;
    final int index;
    boolean proceeded;
    @Nullable Outcome result;

    Link(Run run, int index) {
      this.run = run;
      this.index = index;
    }

    @Override
    public Invocation invocation() {
      return run.inv;
    }

    @Override
    public Outcome proceed() {
      if (proceeded) {
        throw new IllegalStateException(
            "guard '" + guards.get(index).name() + "' called proceed() more than once");
      }
      proceeded = true;
      Outcome o = run.from(index + 1);
      result = o;
      return o;
    }

    @Override
    public Outcome reject(Rejection rejection, java.util.List<Finding> findings) {
      String action = mode == Mode.BLOCK ? "blocked" : "monitored";
      for (Finding f : findings) {
        run.events.record(f, action);
      }
      if (mode == Mode.MONITOR && run.inv.wouldReject == null) {
        run.inv.wouldReject = rejection;
      }
      return mode == Mode.BLOCK ? new Outcome.Rejected(rejection) : proceed();
    }

    @Override
    public void rejectRecord(int record, Finding finding) {
      if (mode == Mode.BLOCK) {
        run.inv.rejectedRecords.add(record);
        run.events.record(finding, batchMode == BatchFailureMode.DROP ? "record-dropped" : "record-failed");
      } else {
        run.inv.wouldRejectRecords.add(record);
        run.events.record(finding, "monitored");
      }
    }

    @Override
    public void log(Finding finding, String action) {
      run.events.record(finding, action);
    }
  }
}
