package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload in {@code detect/attacks} is caught; no look-alike in {@code detect/benign} is. */
class DetectionFixturesTest {

  private static final Detectors DETECTORS = Detectors.defaults();

  static Stream<Arguments> attacks() {
    return Fixtures.files("attacks").stream()
        .flatMap(f -> Fixtures.lines(f).stream().map(l -> Arguments.of(Fixtures.classOf(f), l)));
  }

  static Stream<Fixtures.Line> benign() {
    return Fixtures.files("benign").stream().flatMap(f -> Fixtures.lines(f).stream());
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("attacks")
  void detectsEveryAttackPayloadAsItsClass(AttackClass expected, Fixtures.Line line) {
    List<Detection> found = DETECTORS.detect("POST /x", line.input());

    assertThat(found)
        .as("detections for %s", line)
        .anySatisfy(d -> {
          assertThat(d.attackClass()).isEqualTo(expected);
          assertThat(d.confidence()).isGreaterThanOrEqualTo(Confidence.LIKELY);
          assertThat(d.location()).isEqualTo(line.input().location());
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("benign")
  void reportsNothingInHonestLookAlikes(Fixtures.Line line) {
    assertThat(DETECTORS.detect("POST /x", line.input())).as("detections for %s", line).isEmpty();
  }

  @Test
  void hasAttackFixturesForEveryClass() {
    Set<AttackClass> covered = EnumSet.noneOf(AttackClass.class);
    for (Path f : Fixtures.files("attacks")) {
      assertThat(Fixtures.lines(f)).as("payloads in %s", f.getFileName()).hasSizeGreaterThan(4);
      covered.add(Fixtures.classOf(f));
    }
    assertThat(covered).containsExactlyInAnyOrder(AttackClass.values());
  }
}
