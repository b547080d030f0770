package dev.bulwark.runtime.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.BatchFailureMode;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.SecurityEvent;
import dev.bulwark.runtime.internal.decode.EventDecoder;
import dev.bulwark.runtime.internal.event.EventRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardChainTest {

  private final List<String> order = new ArrayList<>();

  private Guard named(String name, java.util.function.Function<Chain, Outcome> body) {
    return new Guard() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Outcome intercept(Chain chain) {
        order.add(name);
        return body.apply(chain);
      }
    };
  }

  private Outcome run(GuardChain chain, EventRecorder rec) {
    Invocation inv = new Invocation(new EventDecoder().decode(Map.of("a", "b")), null, "r-1");
    return chain.run(inv, rec, i -> {
      order.add("handler");
      return new Outcome.Completed("done");
    });
  }

  private static EventRecorder recorder(Mode mode) {
    return new EventRecorder(Clock.systemUTC(), "fn", "r-1", "", "direct", mode.label());
  }

  @Test
  void runsGuardsInOrderThenTheHandler() {
    GuardChain chain = new GuardChain(List.of(named("a", Chain::proceed), named("b", Chain::proceed)),
        Mode.BLOCK, BatchFailureMode.REPORT, false);
    assertThat(run(chain, recorder(Mode.BLOCK))).isEqualTo(new Outcome.Completed("done"));
    assertThat(order).containsExactly("a", "b", "handler");
  }

  @Test
  void aRejectingGuardStopsTheChainInBlockModeOnly() {
    Guard reject = named("r", c -> c.reject(Rejection.forbidden(), Finding.of("auth", "x")));
    EventRecorder block = recorder(Mode.BLOCK);
    assertThat(run(new GuardChain(List.of(reject), Mode.BLOCK, BatchFailureMode.REPORT, false), block))
        .isEqualTo(new Outcome.Rejected(Rejection.forbidden()));
    assertThat(order).containsExactly("r");
    assertThat(block.events()).extracting(SecurityEvent::action).containsExactly("blocked");
    order.clear();
    EventRecorder monitor = recorder(Mode.MONITOR);
    assertThat(run(new GuardChain(List.of(reject), Mode.MONITOR, BatchFailureMode.REPORT, false), monitor))
        .isEqualTo(new Outcome.Completed("done"));
    assertThat(order).containsExactly("r", "handler");
    assertThat(monitor.events()).extracting(SecurityEvent::action).containsExactly("monitored");
  }

  @Test
  void aFailingGuardIsReportedOnceByNameAndTheInvocationProceeds() {
    GuardChain chain = new GuardChain(List.of(named("flaky", c -> {
      throw new IllegalStateException("redis down");
    }), named("next", Chain::proceed)), Mode.BLOCK, BatchFailureMode.REPORT, false);
    EventRecorder first = recorder(Mode.BLOCK);
    assertThat(run(chain, first)).isEqualTo(new Outcome.Completed("done"));
    assertThat(order).containsExactly("flaky", "next", "handler");
    assertThat(first.events()).singleElement().satisfies(e -> {
      assertThat(e.eventClass()).isEqualTo("guard-error");
      assertThat(e.rule()).isEqualTo("flaky.failed");
      assertThat(e.excerpt()).isEqualTo("IllegalStateException: redis down");
      assertThat(e.action()).isEqualTo("skipped");
    });
    EventRecorder second = recorder(Mode.BLOCK);
    run(chain, second);
    assertThat(second.events()).isEmpty();
  }

  @Test
  void aFailingGuardRejectsWith503WhenFailingClosed() {
    GuardChain chain = new GuardChain(List.of(named("flaky", c -> {
      throw new NoClassDefFoundError("com/nimbusds/jwt/SignedJWT");
    })), Mode.BLOCK, BatchFailureMode.REPORT, true);
    assertThat(run(chain, recorder(Mode.BLOCK))).isEqualTo(new Outcome.Rejected(Rejection.unavailable()));
    assertThat(order).containsExactly("flaky");
  }

  @Test
  void namesTheGuardThatProceedsTwiceAndKeepsTheFirstResult() {
    GuardChain chain = new GuardChain(List.of(named("greedy", c -> {
      c.proceed();
      return c.proceed();
    })), Mode.BLOCK, BatchFailureMode.REPORT, false);
    EventRecorder rec = recorder(Mode.BLOCK);
    assertThat(run(chain, rec)).isEqualTo(new Outcome.Completed("done"));
    assertThat(order).containsExactly("greedy", "handler");
    assertThat(rec.events()).singleElement()
        .satisfies(e -> assertThat(e.excerpt()).contains("guard 'greedy' called proceed() more than once"));
  }

  @Test
  void namesTheGuardThatReturnsNoOutcome() {
    GuardChain chain = new GuardChain(List.of(named("lazy", c -> null)), Mode.BLOCK, BatchFailureMode.REPORT, false);
    EventRecorder rec = recorder(Mode.BLOCK);
    assertThat(run(chain, rec)).isEqualTo(new Outcome.Completed("done"));
    assertThat(rec.events()).singleElement().satisfies(e -> assertThat(e.excerpt()).contains("guard 'lazy' returned no outcome"));
  }

  @Test
  void handlerFailuresPassThroughGuardsUntouched() {
    GuardChain chain = new GuardChain(List.of(named("a", Chain::proceed)), Mode.BLOCK, BatchFailureMode.REPORT, false);
    Invocation inv = new Invocation(new EventDecoder().decode(Map.of()), null, "r");
    RuntimeException boom = new RuntimeException("boom");
    assertThatThrownBy(() -> chain.run(inv, recorder(Mode.BLOCK), i -> {
      throw new HandlerFailure(boom);
    })).isInstanceOf(HandlerFailure.class).hasCause(boom);
  }
}
