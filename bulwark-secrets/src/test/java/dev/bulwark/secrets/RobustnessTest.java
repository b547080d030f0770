package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random texts made of the fragments detectors react to, cut and glued at random: every detector
 * looks at the edges of its window (start and end of the text, anchors split by chunk ends) and
 * nothing may throw, report an error, or print a value in full.
 */
class RobustnessTest {

  private static final List<String> FRAGMENTS = List.of(
      "AKIA", "ASIA", "-----BEGIN ", "-----END ", "PRIVATE KEY-----", "PuTTY-User-Key-File-2",
      "Private-Lines: 3", "ghp_", "github_pat_", "glpat-", "xoxb-", "xoxe.xoxp-",
      "hooks.slack.com/", "services/T", "sk_live_", "whsec_", "SG.", "AIza", "GOCSPX-", "npm_", "pypi-AgEIcHlwaS5vcmc",
      "sk-ant-api03-", "T3BlbkFJ", "hf_", "AC", "SK", "AccountKey=", "SharedAccessKey=", "sig=",
      "sv=2024-01-01", "&se=", "Q~", "eyJ", "eyJhbGciOiJIUzI1NiJ9", ".", "://", "@", ":",
      "password", "Password=", "pwd=", "Server=", ";", "&", "?", "basic ", "Bearer ", "key",
      "token", "secret", "credential", "value", "name", "= ", ": ", "\"", "'", "`", "<", ">",
      "</", "\n", "\r\n", "\\n", " ", "\t", "(", ")", "{", "}", ",", "#", "//", "bulwark:ignore ",
      "SECRET-004 ", "==", "+", "/", "%2B", "\u00e9", "\u0000", "0123456789abcdef",
      "Zq8vT2mpLxR4kW9n", "MIIEowIBAAKCAQEA");

  @Test
  void survivesRandomTextsBuiltFromAnchorFragments() {
    Random random = new Random(5);
    SecretScanner scanner = SecretScanner.withDefaults();
    String[] names = {"a.py", "b.yaml", "c.json", "d.min.js", "package-lock.json", "e.env", "f"};
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      int parts = random.nextInt(60);
      for (int i = 0; i < parts; i++) {
        String f = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
        if (random.nextInt(4) == 0) {
          f = f.substring(0, random.nextInt(f.length() + 1));
        }
        b.append(f);
        if (random.nextInt(3) == 0) {
          b.append(randomToken(random));
        }
      }
      String text = b.toString();
      TextInput input = random.nextBoolean()
          ? TextInput.of(names[round % names.length], text)
          : TextInput.value(names[round % names.length], 3, "API_KEY", text);

      SecretScanResult result = scanner.scan(input);

      assertThat(result.errors()).as(text).isEmpty();
    }
  }

  @Test
  void keepsAScanLinearOnATextBuiltToMakeEveryAnchorSearchItsNeighbourhood() {
    String hostile = "AKIAQ2WERTY3UIOP4ASD ;password=Zq8vT2mpLx;Server=db.acme.io "
        + "-----BEGIN RSA PRIVATE KEY----- ://a@b ";
    SecretScanResult result = SecretScanner.withDefaults()
        .scan(TextInput.of("generated.txt", hostile.repeat(60_000)));

    assertThat(result.errors()).extracting(e -> e.message())
        .anyMatch(m -> m.contains("context checks were cut short"));
    assertThat(result.findings()).hasSizeLessThanOrEqualTo(1000);
  }

  private static String randomToken(Random random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.";
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(120);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
