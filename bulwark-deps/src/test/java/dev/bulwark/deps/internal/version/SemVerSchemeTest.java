package dev.bulwark.deps.internal.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerSchemeTest {

  private final VersionScheme npm = VersionSchemes.semver();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "0.9.12 < 0.10.0",
        "4.17.20 < 4.17.21",
        "2.0.0-rc.1 < 2.0.0",
        "3.0.0-alpha < 3.0.0-alpha.0",
        "3.0.0-alpha.0 < 3.0.0-alpha.beta",
        "1.0.0-beta.9 < 1.0.0-beta.10",
        "1.0.0-9 < 1.0.0-a",
        "1.0.0-Zeta < 1.0.0-alpha",
        "1.0.0-x.y < 1.0.0-x-y",
        "3.1.4+linux = 3.1.4+darwin.2",
        "v5.0.0 = 5.0.0",
        "=5.0.1 = 5.0.1",
        "18446744073709551617.0.0 > 18446744073709551616.9.9",
        "1.0.0-18446744073709551617 > 1.0.0-18446744073709551616"
      })
  void ordersVersionsAsSemVerDefines(String a, String op, String b) {
    Ordering.check(npm, a, op, b);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "1.2", "1", "01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-a..b",
        "1.2.3 4", "latest", "^1.2.3", "~1.2.3", ">=1.0.0", "1.2.3-beta_1", "vv1.2.3", "1.2.3.4",
        "1.2.3-é"
      })
  void rejectsWhatIsNotSemVer(String text) {
    assertThat(npm.isValid(text)).isFalse();
    assertThat(npm.tryParse(text)).isNull();
  }

  @Test
  void namesTheTextAndTheSchemeWhenParsingFails() {
    assertThatThrownBy(() -> npm.parse("^4.0.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage("'^4.0.0' is not a valid SemVer version");
  }

  @Test
  void keepsTheOriginalTextAndExposesPrereleaseAndBuild() {
    SemVer v = (SemVer) npm.parse(" v1.2.3-rc.1+sha.5 ");
    assertThat(v.text()).isEqualTo(" v1.2.3-rc.1+sha.5 ");
    assertThat(v.prerelease()).containsExactly("rc", "1");
    assertThat(v.build()).isEqualTo("sha.5");
    assertThat(v.isPrerelease()).isTrue();
  }
}
