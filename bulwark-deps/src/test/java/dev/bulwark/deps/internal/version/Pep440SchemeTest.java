package dev.bulwark.deps.internal.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440SchemeTest {

  private final Pep440Scheme pypi = VersionSchemes.pep440();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0.0-ALPHA1, 1.0.0a1",
    "2.2c3, 2.2rc3",
    "2.2.pre.2, 2.2rc2",
    "2.2-preview-4, 2.2rc4",
    "0.4-r4, 0.4.post4",
    "0.4.rev, 0.4.post0",
    "0.4-5, 0.4.post5",
    "v3.1, 3.1",
    "3.1.dev, 3.1.dev0",
    "3.1_DEV_2, 3.1.dev2",
    "2!7.0, 2!7.0",
    "0!7.0, 7.0",
    "7.0+Ubuntu-1_focal, 7.0+ubuntu.1.focal",
    "'  3.1  ', 3.1",
    "1.01.002, 1.1.2",
    "1.0b2-post3.dev4, 1.0b2.post3.dev4"
  })
  void normalizesTheSpellingsPep440Allows(String text, String normal) {
    assertThat(pypi.normalize(text)).isEqualTo(normal);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "2.0.dev3 < 2.0a1.dev1",
        "2.0a1.dev1 < 2.0a1",
        "2.0a1 < 2.0a2.post1.dev2",
        "2.0a2.post1.dev2 < 2.0a2.post1",
        "2.0a2.post1 < 2.0b1",
        "2.0b1 < 2.0rc1",
        "2.0rc1 < 2.0",
        "2.0 < 2.0+deb",
        "2.0+deb < 2.0.post1.dev1",
        "2.0.post1.dev1 < 2.0.post1",
        "2.0.post1 < 2.0.1",
        "2.0.1 < 1!0.1",
        "2.0 = 2.0.0",
        "2.0 = 2.00.0.0",
        "2.0a = 2.0a0",
        "2.0-1 = 2.0.post1",
        "2.0+abc.7 = 2.0+ABC.07",
        "2.0+abc < 2.0+7",
        "2.0+7 < 2.0+7.1",
        "2.0+9 < 2.0+10",
        "2.0+abc.9 < 2.0+abd",
        "1.10 > 1.9",
        "99999999999999999999.1 > 99999999999999999998.9"
      })
  void ordersVersionsAsPackagingDoes(String a, String op, String b) {
    Ordering.check(pypi, a, op, b);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0-kiwi < 1.0-lemon",
        "1.1-lemon > 1.0-lemon",
        "2013-05-01T10:00 < 2013-05-02T09:00",
        "99.0-final-kiwi < 0.0.dev0",
        "0.5.x < 0.5.1"
      })
  void ordersLegacyVersionsBeforeEveryPep440Version(String a, String op, String b) {
    Ordering.check(pypi, a, op, b);
  }

  @Test
  void readsLegacyVersionsButDoesNotCallThemValid() {
    assertThat(pypi.tryParse("1.0-kiwi")).isNotNull();
    assertThat(pypi.isValid("1.0-kiwi")).isFalse();
    assertThat(pypi.normalize("1.0-kiwi")).isNull();
    assertThat(pypi.isValid("1.0.post1")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "1.0 2.0", "1.0\n2", "1.0\u0000"})
  void rejectsBlankAndMultiWordStrings(String text) {
    assertThat(pypi.tryParse(text)).isNull();
  }
}
