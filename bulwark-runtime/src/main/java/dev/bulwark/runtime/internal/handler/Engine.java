package dev.bulwark.runtime.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bulwark.runtime.BatchFailureMode;
import dev.bulwark.runtime.EventSink;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.SecurityEvent;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.decode.EventDecoder;
import dev.bulwark.runtime.internal.event.EventRecorder;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.guard.GuardChain;
import dev.bulwark.runtime.internal.guard.HandlerFailure;
import dev.bulwark.runtime.internal.guard.Invocation;
import dev.bulwark.runtime.internal.guard.Outcome;
import dev.bulwark.runtime.internal.guard.Rejection;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Runs one invocation: decode, guard chain, handler (with rejected batch records removed), events.
 * Shared by every way of wrapping a handler; the wrappers only convert events and responses.
 */
public final class Engine {

  /** Calls the handler with the event minus {@code removedRecords} (indexes into the batch). */
  @FunctionalInterface
  public interface Delegate {
    @Nullable Object call(Set<Integer> removedRecords) throws Exception;
  }

  /**
   * What happened.
   *
   * @param rejection non-null when the invocation was rejected (block mode)
   * @param result the handler's result when it ran
   * @param failedRecordIds record ids to report as {@code batchItemFailures}
   */
  public record Result(
      DecodedEvent event,
      @Nullable Rejection rejection,
      @Nullable Object result,
      boolean handlerRan,
      List<String> failedRecordIds,
      String requestId,
      List<SecurityEvent> events,
      @Nullable Rejection wouldReject,
      List<String> wouldRejectRecordIds) {}

  private final Mode mode;
  private final BatchFailureMode batchMode;
  private final boolean failClosed;
  private final Clock clock;
  private final EventSink sink;
  private final List<Route> routes;
  private final EventDecoder decoder;
  private final GuardChain chain;
  private final boolean jwtConfigured;
  private final List<Runnable> restoreHooks;
  private volatile @Nullable SecureRandom random; // created on first need: seeding costs at cold start

  public Engine(
      Mode mode,
      BatchFailureMode batchMode,
      boolean failClosed,
      Clock clock,
      EventSink sink,
      List<Route> routes,
      EventDecoder decoder,
      GuardChain chain,
      boolean jwtConfigured,
      List<Runnable> restoreHooks) {
    this.mode = mode;
    this.batchMode = batchMode;
    this.failClosed = failClosed;
    this.clock = clock;
    this.sink = sink;
    this.routes = List.copyOf(routes);
    this.decoder = decoder;
    this.chain = chain;
    this.jwtConfigured = jwtConfigured;
    this.restoreHooks = List.copyOf(restoreHooks);
  }

  public Mode mode() {
    return mode;
  }

  public BatchFailureMode batchMode() {
    return batchMode;
  }

  public boolean jwtConfigured() {
    return jwtConfigured;
  }

  public GuardChain chain() {
    return chain;
  }

  /** Re-seeds randomness and lets guards refresh keys and drop stale state. */
  public void afterRestore() {
    random = null; // re-seeded on next use, so restored clones do not share a random sequence
    for (Runnable r : restoreHooks) {
      r.run();
    }
  }

  /** Runs the invocation; the handler's own exceptions are rethrown unchanged. */
  public Result run(@Nullable Object tree, @Nullable Context context, Delegate delegate) throws IOException {
    return execute(tree, null, context, delegate, true);
  }

  /**
   * Runs {@code tree} through the chain without a handler and without writing events; for
   * {@code bulwark inspect}. {@code decodeError}, when set, is reported instead of decoding.
   */
  public Result dryRun(@Nullable Object tree, @Nullable String decodeError) {
    try {
      return execute(tree, decodeError, null, removed -> null, false);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an event that could not be parsed as JSON: logged, then the handler runs (or 503 when failing closed). */
  public Result runUndecodable(String reason, @Nullable Context context, Delegate delegate) throws IOException {
    return execute(null, reason, context, delegate, true);
  }

  private Result execute(
      @Nullable Object tree, @Nullable String decodeError, @Nullable Context context, Delegate delegate, boolean live)
      throws IOException {
    DecodedEvent ev;
    String decodeFailure = decodeError;
    if (decodeFailure == null) {
      try {
        ev = decoder.decode(tree);
      } catch (RuntimeException | StackOverflowError e) {
        ev = decoder.decode(null);
        decodeFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    } else {
      ev = decoder.decode(null);
    }
    String requestId = requestId(context, ev);
    String function = context != null && context.getFunctionName() != null
        ? context.getFunctionName()
        : FunctionName.get();
    EventRecorder events =
        new EventRecorder(clock, function, requestId, ev.sourceIp(), ev.trigger().label(), mode.label());
    for (String note : ev.notes()) {
      events.record(new Finding("decode", "decode.limit", "", note), "logged");
    }
    if (decodeFailure != null) {
      events.record(new Finding("decode", "decode.failed", "", decodeFailure), failClosed ? "blocked" : "skipped");
      if (failClosed) {
        flush(events, live);
        return new Result(ev, Rejection.unavailable(), null, false, List.of(), requestId, events.events(), null, List.of());
      }
    }
    DecodedEvent decoded = ev;
    Route route = match(ev);
    Invocation inv = new Invocation(ev, route, requestId);
    boolean[] ran = new boolean[1];
    List<String> failed = new ArrayList<>(0);
    try {
      Outcome o = chain.run(inv, events, i -> {
        TreeSet<Integer> removed = i.rejectedRecords();
        if (batchMode == BatchFailureMode.REPORT) {
          for (int r : removed) {
            failed.add(r < decoded.recordIds().size() ? decoded.recordIds().get(r) : String.valueOf(r));
          }
        }
        if (!removed.isEmpty() && removed.size() >= decoded.recordCount()) {
          return new Outcome.Completed(null); // nothing left for the handler
        }
        try {
          ran[0] = true;
          return new Outcome.Completed(delegate.call(Set.copyOf(removed)));
        } catch (Exception | Error e) {
          throw new HandlerFailure(e);
        }
      });
      if (o instanceof Outcome.Rejected r) {
        List<String> all = List.of();
        if (ev.trigger().isBatch()) {
          all = new ArrayList<>(ev.recordIds());
        }
        return new Result(ev, r.rejection(), null, false, all, requestId, events.events(), null, List.of());
      }
      List<String> would = new ArrayList<>(0);
      for (int i : inv.wouldRejectRecords()) {
        would.add(i < ev.recordIds().size() ? ev.recordIds().get(i) : String.valueOf(i));
      }
      return new Result(ev, null, ((Outcome.Completed) o).result(), ran[0], failed, requestId,
          events.events(), inv.wouldReject(), would);
    } catch (HandlerFailure f) {
      Throwable cause = f.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(cause);
    } finally {
      flush(events, live);
    }
  }

  private void flush(EventRecorder events, boolean live) {
    if (!live) {
      return;
    }
    try {
      events.flush(sink);
    } catch (RuntimeException e) {
      // a failing sink must not break the handler
    }
  }

  private @Nullable Route match(DecodedEvent ev) {
    if (routes.isEmpty() || (!ev.trigger().isHttp() && ev.method() == null)) {
      return null;
    }
    for (Route r : routes) {
      if (r.matches(ev.method(), ev.path(), ev.routeTemplate())) {
        return r;
      }
    }
    return null;
  }

  private String requestId(@Nullable Context context, DecodedEvent ev) {
    if (context != null && context.getAwsRequestId() != null) {
      return context.getAwsRequestId();
    }
    if (ev.apiRequestId() != null) {
      return ev.apiRequestId();
    }
    SecureRandom r = random;
    if (r == null) {
      r = new SecureRandom();
      random = r;
    }
    byte[] b = new byte[8];
    r.nextBytes(b);
    return "bulwark-" + java.util.HexFormat.of().formatHex(b);
  }

  /** The function name outside of a Context: {@code AWS_LAMBDA_FUNCTION_NAME} or {@code -}. */
  static final class FunctionName {
    private static final String NAME =
        System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null ? "-" : System.getenv("AWS_LAMBDA_FUNCTION_NAME");

    static String get() {
      return NAME;
    }
  }
}
