package dev.bulwark.runtime.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.BatchFailureMode;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detector;
import dev.bulwark.runtime.detect.Input;
import dev.bulwark.runtime.internal.decode.EventDecoder;
import dev.bulwark.runtime.internal.event.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectGuardTest {

  @Test
  void givesDetectorsEveryValueThatCouldCarryAnAttackAndSkipsInertOnes() {
    List<String> seen = new ArrayList<>();
    Detector recording = input -> {
      seen.add(input.kind() + " " + input.value());
      return List.<Detection>of();
    };
    DetectGuard guard = new DetectGuard(recording, List.of(), 0.8, Duration.ofSeconds(5), Clock.systemUTC());
    GuardChain chain = new GuardChain(List.of(guard), Mode.BLOCK, BatchFailureMode.REPORT, false);
    Map<String, Object> event = Map.of("name", "Ada", "__proto__", Map.of("isAdmin", "true"),
        "query", "1 or 1", "id", "o-1001", "weird key", "x");
    Invocation inv = new Invocation(new EventDecoder().decode(event), null, "r");
    chain.run(inv, new EventRecorder(Clock.systemUTC(), "f", "r", "", "direct", "block"), i -> new Outcome.Completed(null));
    assertThat(seen).contains("KEY __proto__", "VALUE 1 or 1", "VALUE o-1001", "KEY weird key")
        .doesNotContain("VALUE Ada", "KEY name", "VALUE true", "KEY isAdmin", "VALUE x");
  }

  @Test
  void recognisesInertValuesConservatively() {
    assertThat(DetectGuard.inert("shoes", Input.Kind.VALUE)).isTrue();
    assertThat(DetectGuard.inert("1 or 1", Input.Kind.VALUE)).isFalse();
    assertThat(DetectGuard.inert("a".repeat(17), Input.Kind.VALUE)).isFalse();
    assertThat(DetectGuard.inert("customer_id", Input.Kind.KEY)).isTrue();
    assertThat(DetectGuard.inert("constructor", Input.Kind.KEY)).isFalse();
    assertThat(DetectGuard.inert("$where", Input.Kind.KEY)).isFalse();
  }
}
