package dev.bulwark.deps.internal.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MavenSchemeTest {

  private final VersionScheme maven = VersionSchemes.maven();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "2.3-alpha-2 < 2.3-beta-1",
        "2.3-beta-1 < 2.3-milestone-1",
        "2.3-milestone-1 < 2.3-rc-1",
        "2.3-rc-1 < 2.3-SNAPSHOT",
        "2.3-SNAPSHOT < 2.3",
        "2.3 < 2.3-sp-1",
        "2.3-sp-1 < 2.3.1",
        "2.3 = 2.3.0",
        "2.3 = 2.3-ga",
        "2.3.Final = 2.3",
        "5.3.18.RELEASE = 5.3.18",
        "2.3cr1 = 2.3-rc-1",
        "2.3a4 = 2.3-alpha-4",
        "2.10 > 2.9",
        "2.12.7.1 > 2.12.7",
        "31.1 < 31.1-jre"
      })
  void ordersVersionsAsMavenDoes(String a, String op, String b) {
    Ordering.check(maven, a, op, b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "1.0 beta", "1.0\tbeta", "${project.version}x\u0007"})
  void rejectsBlankStringsAndStringsWithBlanks(String text) {
    assertThat(maven.tryParse(text)).isNull();
  }

  @Test
  void runsWithTheMavenArtifactReleaseThatAgreesWithTheOsvVectors() {
    assertThat(MavenScheme.implementationRelease()).isEqualTo(MavenScheme.PINNED_RELEASE);
  }
}
