package dev.bulwark.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueChecksTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "xxxxxxxxxxxx", "changeme", "${DB_PASSWORD}", "{{resolve:ssm:/a/b}}", "<your-token>",
    "$SECRET", "%API_KEY%", "your_api_key_here", "REDACTED", "********", "example-secret",
    "null", "aaaaaaaaaaaa", "[secret]", "insert-token"
  })
  void recognisesPlaceholders(String value) {
    assertThat(Allowances.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Zq8#vT2m!pLx", "a8f5f167f44f4964e6c998dee827110c", "hunter2hunter"})
  void keepsValuesThatAreNotPlaceholders(String value) {
    assertThat(Allowances.isPlaceholder(value)).isFalse();
  }

  @Test
  void treatsEveryValueContainingExampleInCapitalsAsDocumentation() {
    assertThat(Allowances.isDocumentedExample("AKIAIOSFODNN7EXAMPLE")).isTrue();
    assertThat(Allowances.isDocumentedExample("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")).isTrue();
    assertThat(Allowances.isDocumentedExample("AKIAQ2WERTY3UIOP4ASD")).isFalse();
  }

  @Test
  void measuresEntropyInBitsPerCharacter() {
    assertThat(ValueStats.entropy("aaaa")).isZero();
    assertThat(ValueStats.entropy("abab")).isEqualTo(1.0);
    assertThat(ValueStats.entropy("0123456789abcdef")).isEqualTo(4.0);
  }

  @Test
  void showsAQuarterOfAValueAtMostAndNeverMoreThanFourCharacters() {
    assertThat(Redaction.preview("abc")).isEmpty();
    assertThat(Redaction.preview("abcdefgh")).isEqualTo("ab");
    assertThat(Redaction.preview("abcdefghijklmnopqrstuvwxyz")).isEqualTo("abcd");
    assertThat(Redaction.hashLatin1("abc")).isEqualTo("ba7816bf8f01cfea");
  }

  @Test
  void verifiesTheChecksumOfGitHubAndNpmTokens() {
    String body = "Kq3ZtW9xLm2VnB7cR4yH8sJ1dF6gA0";
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    long v = crc.getValue();
    char[] check = new char[6];
    for (int i = 5; i >= 0; i--) {
      check[i] = alphabet.charAt((int) (v % 62));
      v /= 62;
    }
    String good = body + new String(check);

    assertThat(PrefixTokens.crc32Matches(good)).isTrue();
    assertThat(PrefixTokens.crc32Matches(good.substring(0, 35)
        + (good.charAt(35) == 'a' ? 'b' : 'a'))).isFalse();
    assertThat(PrefixTokens.crc32Matches("L" + good.substring(1))).isFalse();
  }
}
