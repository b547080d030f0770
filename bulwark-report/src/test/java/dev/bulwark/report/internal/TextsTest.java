package dev.bulwark.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void leavesOrdinaryTextUntouched() {
    String s = "Función ApiHandler — 漢字 🔑 tab-free";
    assertThat(Texts.forTerminal(s)).isSameAs(s);
  }

  @Test
  void escapesC0C1DelAndBidiControls() {
    assertThat(Texts.forTerminal("a\tb\u007fc\u0085d\u200fe\u2066f\u2028"))
        .isEqualTo("a\\x09b\\x7fc\\x85d\\u200fe\\u2066f\\u2028");
  }

  @Test
  void formatsDurationsForPeople() {
    assertThat(Texts.duration(Duration.ofMillis(340))).isEqualTo("340 ms");
    assertThat(Texts.duration(Duration.ofMillis(1250))).isEqualTo("1.25 s");
    assertThat(Texts.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    assertThat(Texts.duration(Duration.ofMillis(-5))).isEqualTo("0 ms");
  }
}
