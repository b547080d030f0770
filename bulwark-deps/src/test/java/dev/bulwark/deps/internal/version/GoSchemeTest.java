package dev.bulwark.deps.internal.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoSchemeTest {

  private final GoScheme go = VersionSchemes.go();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "v1.4.2 = 1.4.2",
        "v1 = v1.0.0",
        "v1.7 = v1.7.0",
        "v2.3.0+incompatible = v2.3.0",
        "v2.3.0+incompatible < v2.3.1+incompatible",
        "v0.0.0-20190312151545-0bb0c0a6e846 < v0.0.0-20200102211924-4bcbc698314f",
        "v0.0.0-20200102211924-4bcbc698314f < v0.0.1",
        "v0.0.0-20200102211924-4bcbc698314f < v0.1.0-alpha",
        "v1.5.3 < v1.5.4-0.20211020000000-8d3cbb1e2f34",
        "v1.5.4-0.20211020000000-8d3cbb1e2f34 < v1.5.4-0.20211021000000-0000000000aa",
        "v1.5.4-0.20211021000000-0000000000aa < v1.5.4-alpha",
        "v1.6.0-beta < v1.6.0-beta.0.20220101000000-abcdefabcdef",
        "v1.6.0-beta.0.20220101000000-abcdefabcdef < v1.6.0-beta.1",
        "go1.21.3 = 1.21.3",
        "go1.21rc2 = 1.21.0-rc.2",
        "go1.21rc2 < go1.21",
        "go1.9beta1 < go1.9rc1",
        "go1 = v1.0.0",
        "'go1.20.4 X:boringcrypto' = 1.20.4"
      })
  void ordersModuleVersionsPseudoVersionsAndGoTags(String a, String op, String b) {
    Ordering.check(go, a, op, b);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v0.0.0-20190312151545-0bb0c0a6e846",
        "v1.5.4-0.20211020000000-8d3cbb1e2f34",
        "v1.6.0-beta.0.20220101000000-abcdefabcdef",
        "v3.0.0-20200101000000-abcdefabcdef+incompatible"
      })
  void recognisesPseudoVersions(String text) {
    assertThat(GoScheme.isPseudoVersion(go.tryParse(text))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.5.4", "v1.5.4-rc.1", "v1.2.3-20211020000000-8d3cbb1e2f34",
        "v0.0.0-2021102000000-8d3cbb1e2f34", "v1.6.0-beta.1.20220101000000-abcdefabcdef"
      })
  void doesNotMistakeOtherVersionsForPseudoVersions(String text) {
    assertThat(GoScheme.isPseudoVersion(go.tryParse(text))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1.2-pre", "v01.2.3", "v1.2.3.4", "go1.21x", "go1.", "master", "v"})
  void rejectsWhatGoDoesNotAccept(String text) {
    assertThat(go.isValid(text)).isFalse();
  }
}
