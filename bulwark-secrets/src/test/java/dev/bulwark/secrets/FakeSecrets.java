package dev.bulwark.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Made-up secrets that follow the documented formats, from a seeded generator: never real, never
 * the same as anything issued, but shaped exactly like the real thing (GitHub and npm tokens even
 * carry a valid checksum). Fixture files name them with markers such as {@code @@ghp@@}; {@link
 * #fill} replaces every marker with a fresh value and remembers it, so tests can check that no
 * value is ever printed in full.
 */
final class FakeSecrets {

  static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BASE64 = BASE62 + "+/";
  private static final String BASE64URL = BASE62 + "-_";
  private static final String HEX = "0123456789abcdef";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final Random random;

  /** One generated value: the marker it replaced, the value, and the part of it that is secret. */
  record Generated(String marker, String value, String secretPart) {}

  private final List<Generated> generated = new ArrayList<>();

  FakeSecrets(long seed) {
    this.random = new Random(seed);
  }

  List<Generated> generated() {
    return generated;
  }

  /** Replaces every {@code @@name@@} marker in {@code template} with a generated value. */
  String fill(String template) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int open = template.indexOf("@@", i);
      if (open < 0) {
        out.append(template, i, template.length());
        return out.toString();
      }
      int close = template.indexOf("@@", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed marker at " + open);
      }
      out.append(template, i, open);
      String marker = template.substring(open + 2, close);
      out.append(value(marker));
      i = close + 2;
    }
  }

  /** A fresh value for {@code marker}; unknown markers fail the test that uses them. */
  String value(String marker) {
    String v;
    String secret;
    switch (marker) {
      case "aws-id":
        v = "AKIA" + chars(UPPER_DIGITS, 16);
        secret = v.substring(4);
        break;
      case "aws-temp-id":
        v = "ASIA" + chars(UPPER_DIGITS, 16);
        secret = v.substring(4);
        break;
      case "aws-secret":
        v = mixed(BASE64, 40);
        secret = v;
        break;
      case "ghp":
      case "gho":
      case "ghu":
      case "ghs":
      case "ghr":
        v = marker + "_" + checksummed();
        secret = v.substring(4);
        break;
      case "ghp-badcrc":
        String good = checksummed();
        v = "ghp_" + good.substring(0, 35) + (good.charAt(35) == 'a' ? 'b' : 'a');
        secret = v.substring(4);
        break;
      case "github-pat":
        v = "github_pat_" + chars(BASE62, 22) + "_" + chars(BASE62, 59);
        secret = v.substring(11);
        break;
      case "npm":
        v = "npm_" + checksummed();
        secret = v.substring(4);
        break;
      case "pypi":
        v = "pypi-AgEIcHlwaS5vcmc" + mixed(BASE64URL, 120);
        secret = v.substring(20);
        break;
      case "openai":
        v = "sk-proj-" + mixed(BASE64URL, 74) + "T3BlbkFJ" + mixed(BASE64URL, 74);
        secret = v.substring(8);
        break;
      case "openai-legacy":
        v = "sk-" + mixed(BASE62, 20) + "T3BlbkFJ" + mixed(BASE62, 20);
        secret = v.substring(3);
        break;
      case "anthropic":
        v = "sk-ant-api03-" + mixed(BASE64URL, 93) + "AA";
        secret = v.substring(13);
        break;
      case "hugging-face":
        v = "hf_" + chars(BASE62.substring(10), 34);
        secret = v.substring(3);
        break;
      case "glpat":
        v = "glpat-" + mixed(BASE64URL, 20);
        secret = v.substring(6);
        break;
      case "slack-bot":
        v = "xoxb-" + digits(12) + "-" + digits(13) + "-" + mixed(BASE62, 24);
        secret = v.substring(5);
        break;
      case "slack-user":
        v = "xoxp-" + digits(12) + "-" + digits(12) + "-" + digits(13) + "-" + chars(HEX, 32);
        secret = v.substring(5);
        break;
      case "slack-webhook":
        secret = mixed(BASE62, 24);
        v = "https://hooks.slack.com/services/T" + chars(UPPER_DIGITS, 8) + "/B"
            + chars(UPPER_DIGITS, 10) + "/" + secret;
        break;
      case "stripe-live":
        v = "sk_live_" + mixed(BASE62, 99);
        secret = v.substring(8);
        break;
      case "stripe-restricted":
        v = "rk_live_" + mixed(BASE62, 24);
        secret = v.substring(8);
        break;
      case "stripe-whsec":
        v = "whsec_" + mixed(BASE62, 32);
        secret = v.substring(6);
        break;
      case "twilio-ac":
        v = "AC" + chars(HEX, 32);
        secret = v;
        break;
      case "twilio-sk":
        v = "SK" + chars(HEX, 32);
        secret = v;
        break;
      case "twilio-token":
        v = chars(HEX, 32);
        secret = v;
        break;
      case "twilio-secret":
        v = mixed(BASE62, 32);
        secret = v;
        break;
      case "sendgrid":
        v = "SG." + mixed(BASE64URL, 22) + "." + mixed(BASE64URL, 43);
        secret = v.substring(3);
        break;
      case "google-api":
        v = "AIza" + mixed(BASE64URL, 35);
        secret = v.substring(4);
        break;
      case "google-oauth":
        v = "GOCSPX-" + mixed(BASE64URL, 28);
        secret = v.substring(7);
        break;
      case "azure-storage-key":
        v = Base64.getEncoder().encodeToString(bytes(64));
        secret = v;
        break;
      case "azure-sb-key":
        v = Base64.getEncoder().encodeToString(bytes(32));
        secret = v;
        break;
      case "azure-sas-sig":
        v = Base64.getEncoder().encodeToString(bytes(32)).replace("+", "%2B").replace("/", "%2F")
            .replace("=", "%3D");
        secret = v;
        break;
      case "azure-client-secret":
        v = chars(BASE62, 3) + digit() + "Q~" + mixed(BASE62 + "_~.-", 34);
        secret = v;
        break;
      case "jwt":
        v = jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"sub\":\"user-" + digits(6) + "\",\"scope\":\"orders:write\",\"exp\":4102444800}");
        secret = v.substring(v.lastIndexOf('.') + 1);
        break;
      case "jwt-expired":
        v = jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}",
            "{\"sub\":\"svc-" + digits(4) + "\",\"exp\":" + Instant.parse("2021-03-01T00:00:00Z")
                .getEpochSecond() + "}");
        secret = v.substring(v.lastIndexOf('.') + 1);
        break;
      case "rsa-pem":
        v = pem("RSA PRIVATE KEY", bytes(1190), "\n");
        secret = v.substring(40, 100);
        break;
      case "pkcs8-pem":
        v = pem("PRIVATE KEY", bytes(1218), "\n");
        secret = v.substring(40, 100);
        break;
      case "pkcs8-pem-json":
        v = pem("PRIVATE KEY", bytes(1218), "\\n");
        secret = v.substring(40, 100);
        break;
      case "ec-pem":
        v = pem("EC PRIVATE KEY", bytes(121), "\n");
        secret = v.substring(40, 100);
        break;
      case "encrypted-pem":
        v = pem("ENCRYPTED PRIVATE KEY", bytes(1298), "\n");
        secret = v.substring(45, 100);
        break;
      case "openssh":
        v = pem("OPENSSH PRIVATE KEY", openssh("none"), "\n");
        secret = v.substring(60, 120);
        break;
      case "openssh-encrypted":
        v = pem("OPENSSH PRIVATE KEY", openssh("aes256-ctr"), "\n");
        secret = v.substring(60, 120);
        break;
      case "pgp":
        v = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + wrap(base64(bytes(900)), "\n") + "="
            + chars(BASE62, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----";
        secret = v.substring(40, 100);
        break;
      case "password":
        v = chars(BASE62, 5) + "#" + chars(BASE62, 4) + "!" + chars(BASE62, 3) + digit();
        secret = v;
        break;
      case "hex32":
        v = chars(HEX, 32);
        secret = v;
        break;
      case "b64-40":
        v = mixed(BASE64, 40);
        secret = v;
        break;
      case "uuid":
        String h = chars(HEX, 32);
        v = h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a"
            + h.substring(17, 20) + "-" + h.substring(20);
        secret = v;
        break;
      case "db-password":
        v = chars(BASE62, 6) + digit() + chars(BASE62, 5) + digit();
        secret = v;
        break;
      case "basic":
        String pw = chars(BASE62, 10) + digit();
        v = Base64.getEncoder().encodeToString(("deploy:" + pw).getBytes(StandardCharsets.UTF_8));
        secret = pw;
        break;
      case "bearer":
        v = mixed(BASE62, 40);
        secret = v;
        break;
      default:
        throw new IllegalArgumentException("unknown fake secret marker @@" + marker + "@@");
    }
    generated.add(new Generated(marker, v, secret));
    return v;
  }

  /** 30 random base62 characters and their base62 CRC32, as GitHub and npm tokens carry. */
  String checksummed() {
    String body = chars(BASE62, 30);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] check = new char[6];
    for (int i = 5; i >= 0; i--) {
      check[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return body + new String(check);
  }

  String jwt(String header, String payload) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
        + url.encodeToString(bytes(32));
  }

  private byte[] openssh(String cipher) {
    byte[] magic = ("openssh-key-v1\0").getBytes(StandardCharsets.US_ASCII);
    byte[] name = cipher.getBytes(StandardCharsets.US_ASCII);
    byte[] rest = bytes(380);
    byte[] out = new byte[magic.length + 4 + name.length + rest.length];
    System.arraycopy(magic, 0, out, 0, magic.length);
    out[magic.length + 3] = (byte) name.length;
    System.arraycopy(name, 0, out, magic.length + 4, name.length);
    System.arraycopy(rest, 0, out, magic.length + 4 + name.length, rest.length);
    return out;
  }

  private static String pem(String label, byte[] der, String newline) {
    return "-----BEGIN " + label + "-----" + newline + wrap(base64(der), newline) + "-----END "
        + label + "-----";
  }

  private static String wrap(String base64, String newline) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < base64.length(); i += 64) {
      b.append(base64, i, Math.min(base64.length(), i + 64)).append(newline);
    }
    return b.toString();
  }

  private static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  String chars(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Random characters with at least one upper-case letter, lower-case letter and digit. */
  String mixed(String alphabet, int n) {
    while (true) {
      String s = chars(alphabet, n);
      if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
          && s.chars().anyMatch(Character::isDigit)) {
        return s;
      }
    }
  }

  private String digits(int n) {
    return chars("0123456789", n);
  }

  private char digit() {
    return (char) ('0' + random.nextInt(10));
  }
}
