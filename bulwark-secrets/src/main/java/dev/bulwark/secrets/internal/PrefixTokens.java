package dev.bulwark.secrets.internal;

import dev.bulwark.core.Severity;
import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Tokens that announce themselves with a documented prefix followed by a random body of a known
 * alphabet and length: GitHub, GitLab, Slack, Stripe, SendGrid, Google, npm, PyPI, Anthropic,
 * Hugging Face. One table, one
 * matching routine; GitHub classic tokens and npm tokens carry a CRC32 of their random part, which
 * tells real tokens from made-up ones.
 */
final class PrefixTokens implements Detector {

  /** The alphabet of a token's body. */
  enum Alphabet {
    LETTERS,
    ALNUM,
    ALNUM_UNDERSCORE,
    BASE64URL,
    BASE64URL_DOT,
    BASE64;

    boolean accepts(int b) {
      switch (this) {
        case LETTERS:
          return Bytes.isLower(b) || Bytes.isUpper(b);
        case ALNUM:
          return Bytes.isAlnum(b);
        case ALNUM_UNDERSCORE:
          return Bytes.isAlnum(b) || b == '_';
        case BASE64URL:
          return Bytes.isBase64Url(b);
        case BASE64URL_DOT:
          return Bytes.isBase64Url(b) || b == '.';
        default:
          return Bytes.isBase64(b) || b == '=';
      }
    }
  }

  /** Extra structure a token must have beyond prefix, alphabet and length. */
  enum Shape {
    ANY,
    /** GitHub classic and npm: 30 random characters and a 6-character base62 CRC32. */
    CRC32_BASE62,
    /** Slack: dash-separated groups including numeric ids. */
    SLACK,
    /** SendGrid: {@code SG.} + 22 characters + {@code .} + 43 characters. */
    SENDGRID
  }

  record Spec(SecretKind kind, String prefix, String description, Alphabet alphabet, int minBody,
      int maxBody, Shape shape, @Nullable Severity severity) {}

  static final List<Spec> SPECS = List.of(
      github("ghp_", "GitHub classic personal access token", null),
      github("gho_", "GitHub OAuth access token", null),
      github("ghu_", "GitHub user-to-server token", null),
      github("ghs_", "GitHub server-to-server token (expires after an hour)", Severity.MEDIUM),
      github("ghr_", "GitHub refresh token", null),
      new Spec(SecretKind.GITHUB_TOKEN, "github_pat_", "GitHub fine-grained personal access token",
          Alphabet.ALNUM_UNDERSCORE, 70, 251, Shape.ANY, null),
      gitlab("glpat-", "GitLab personal, project or group access token", null),
      gitlab("gldt-", "GitLab deploy token", null),
      gitlab("glrt-", "GitLab runner authentication token", null),
      gitlab("glrtr-", "GitLab runner authentication token", null),
      gitlab("glptt-", "GitLab pipeline trigger token", null),
      gitlab("glcbt-", "GitLab CI/CD job token (expires with the job)", Severity.MEDIUM),
      gitlab("glft-", "GitLab feed token", Severity.MEDIUM),
      gitlab("glimt-", "GitLab incoming email token", Severity.MEDIUM),
      gitlab("glagent-", "GitLab agent for Kubernetes token", null),
      gitlab("gloas-", "GitLab OAuth application secret", null),
      gitlab("glsoat-", "GitLab SCIM token", null),
      gitlab("glffct-", "GitLab feature flags client token", Severity.MEDIUM),
      gitlab("GR1348941", "GitLab runner registration token (deprecated format)", null),
      slack("xoxb-", "Slack bot token"),
      slack("xoxp-", "Slack user token"),
      slack("xoxa-", "Slack workspace access token"),
      slack("xoxr-", "Slack refresh token"),
      slack("xoxs-", "Slack session token"),
      slack("xoxe.xoxp-", "Slack configuration access token"),
      slack("xoxe-", "Slack configuration refresh token"),
      slack("xapp-", "Slack app-level token"),
      new Spec(SecretKind.STRIPE_KEY, "sk_live_", "Stripe live secret key", Alphabet.ALNUM, 20,
          247, Shape.ANY, null),
      new Spec(SecretKind.STRIPE_KEY, "rk_live_", "Stripe live restricted key", Alphabet.ALNUM, 20,
          247, Shape.ANY, Severity.HIGH),
      new Spec(SecretKind.STRIPE_KEY, "whsec_", "Webhook signing secret (Stripe format)",
          Alphabet.BASE64, 32, 88, Shape.ANY, Severity.MEDIUM),
      new Spec(SecretKind.SENDGRID_API_KEY, "SG.", "SendGrid API key", Alphabet.BASE64URL_DOT, 66,
          66, Shape.SENDGRID, null),
      new Spec(SecretKind.GOOGLE_API_KEY, "AIza", "Google API key", Alphabet.BASE64URL, 35, 35,
          Shape.ANY, null),
      new Spec(SecretKind.GOOGLE_OAUTH_CLIENT_SECRET, "GOCSPX-", "Google OAuth client secret",
          Alphabet.BASE64URL, 28, 28, Shape.ANY, null),
      new Spec(SecretKind.NPM_TOKEN, "npm_", "npm access token", Alphabet.ALNUM, 36, 36,
          Shape.CRC32_BASE62, null),
      // a PyPI token is a macaroon whose first bytes encode the location "pypi.org"
      new Spec(SecretKind.PYPI_TOKEN, "pypi-AgEIcHlwaS5vcmc", "PyPI API token",
          Alphabet.BASE64URL, 50, 400, Shape.ANY, null),
      new Spec(SecretKind.ANTHROPIC_API_KEY, "sk-ant-api03-", "Anthropic API key",
          Alphabet.BASE64URL, 80, 120, Shape.ANY, null),
      new Spec(SecretKind.ANTHROPIC_API_KEY, "sk-ant-admin01-", "Anthropic admin API key",
          Alphabet.BASE64URL, 80, 120, Shape.ANY, null),
      new Spec(SecretKind.HUGGING_FACE_TOKEN, "hf_", "Hugging Face access token",
          Alphabet.LETTERS, 34, 34, Shape.ANY, null));

  private final List<Anchor> anchors = new ArrayList<>();

  PrefixTokens() {
    for (Spec s : SPECS) {
      anchors.add(Anchor.exact(s.prefix()));
    }
  }

  private static Spec github(String prefix, String description, @Nullable Severity severity) {
    return new Spec(SecretKind.GITHUB_TOKEN, prefix, description, Alphabet.ALNUM, 36, 251,
        Shape.CRC32_BASE62, severity);
  }

  private static Spec gitlab(String prefix, String description, @Nullable Severity severity) {
    return new Spec(SecretKind.GITLAB_TOKEN, prefix, description, Alphabet.BASE64URL_DOT, 20, 300,
        Shape.ANY, severity);
  }

  private static Spec slack(String prefix, String description) {
    return new Spec(SecretKind.SLACK_TOKEN, prefix, description, Alphabet.BASE64URL, 10, 255,
        Shape.SLACK, null);
  }

  @Override
  public List<Anchor> anchors() {
    return anchors;
  }

  @Override
  public Set<SecretKind> kinds() {
    Set<SecretKind> out = EnumSet.noneOf(SecretKind.class);
    SPECS.forEach(s -> out.add(s.kind()));
    return out;
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    Spec spec = SPECS.get(anchor);
    int before = scan.at(start - 1);
    if (Bytes.isAlnum(before) || before == '_' || before == '.' || before == '-') {
      return;
    }
    int cap = Math.min(scan.limit(), end + spec.maxBody() + 1);
    int i = end;
    while (i < cap && spec.alphabet().accepts(scan.buf[i])) {
      i++;
    }
    if (spec.alphabet() == Alphabet.BASE64URL_DOT) {
      while (i > end && scan.buf[i - 1] == '.') {
        i--; // the end of a sentence, not of the token
      }
    }
    int length = i - end;
    if (length < spec.minBody() || length > spec.maxBody()) {
      return;
    }
    String body = scan.string(end, i);
    if (Allowances.isPlaceholderToken(body) || scan.inBase64Blob(start, i)) {
      return;
    }
    boolean checksumFailed = false;
    switch (spec.shape()) {
      case CRC32_BASE62:
        if (length == 36) {
          checksumFailed = !crc32Matches(body);
        }
        break;
      case SLACK:
        if (!slackShape(body)) {
          return;
        }
        break;
      case SENDGRID:
        if (body.charAt(22) != '.' || body.indexOf('.', 23) >= 0) {
          return;
        }
        break;
      default:
        break;
    }
    Scan.Report r = scan.report(spec.kind()).value(start, i).describe(spec.description())
        .property("tokenType", spec.prefix());
    if (spec.severity() != null) {
      r.severity(spec.severity());
    }
    if (checksumFailed) {
      r.severity(Severity.LOW)
          .note("its checksum does not match, so it is probably made up rather than issued")
          .property("checksum", "invalid");
    } else if (spec.shape() == Shape.CRC32_BASE62 && length == 36) {
      r.property("checksum", "valid");
    }
    r.emit();
  }

  /** Slack tokens are dash-separated groups, at least one of them a numeric id. */
  private static boolean slackShape(String body) {
    int groups = 1;
    int digits = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '-') {
        groups++;
      } else if (Bytes.isDigit(c)) {
        digits++;
      }
    }
    return groups >= 2 && digits >= 3;
  }

  /**
   * The last six characters of a GitHub classic or npm token are the base62 CRC32 of the thirty
   * before them. Both usual base62 alphabets are accepted.
   */
  static boolean crc32Matches(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
    long want = crc.getValue();
    String check = body.substring(30);
    return base62(check, true) == want || base62(check, false) == want;
  }

  private static long base62(String s, boolean upperFirst) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (Bytes.isDigit(c)) {
        d = c - '0';
      } else if (Bytes.isUpper(c)) {
        d = upperFirst ? 10 + c - 'A' : 36 + c - 'A';
      } else {
        d = upperFirst ? 36 + c - 'a' : 10 + c - 'a';
      }
      v = v * 62 + d;
    }
    return v;
  }
}
