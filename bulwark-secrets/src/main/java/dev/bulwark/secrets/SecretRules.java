package dev.bulwark.secrets;

import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Metadata of the secret rules, {@code SECRET-001} to {@code SECRET-016}, for {@code bulwark
 * rules}, SARIF and the engine's rule filters. Ids are stable and never reused; each rule covers one secret
 * family (see {@link SecretKind} for the kinds of each). The long description of each rule ships
 * in the jar as {@code rules/<ID>.md}.
 *
 * <pre>{@code
 * for (RuleMetadata rule : SecretRules.metadata()) {
 *   System.out.println(rule.id() + "  " + rule.severity().label() + "  " + rule.title());
 * }
 * RuleMetadata github = SecretRules.byId("SECRET-004").orElseThrow();
 * }</pre>
 */
public final class SecretRules {

  private static final String PILLAR = "secrets";

  private static final List<RuleMetadata> ALL = List.of(
      rule("SECRET-001", "Hard-coded AWS secret access key", Severity.CRITICAL,
          "Deactivate the key in IAM now, then give the code its permissions through the"
              + " function's execution role instead of access keys.",
          "aws"),
      rule("SECRET-002", "Hard-coded AWS access key id", Severity.HIGH,
          "Find and deactivate the key pair in IAM, and use the function's execution role or"
              + " temporary credentials instead of access keys.",
          "aws"),
      rule("SECRET-003", "Hard-coded private key", Severity.HIGH,
          "Replace the key pair and load the new private key from Secrets Manager or SSM"
              + " Parameter Store at run time.",
          "crypto"),
      rule("SECRET-004", "Hard-coded GitHub token", Severity.HIGH,
          "Revoke the token on GitHub and read a new one from Secrets Manager at run time.",
          "vcs"),
      rule("SECRET-005", "Hard-coded GitLab token", Severity.HIGH,
          "Revoke the token in GitLab and read a new one from Secrets Manager at run time.",
          "vcs"),
      rule("SECRET-006", "Hard-coded Slack token or webhook URL", Severity.HIGH,
          "Revoke the token or webhook in Slack and read the new one from Secrets Manager at run"
              + " time.",
          "chat"),
      rule("SECRET-007", "Hard-coded Stripe live key", Severity.CRITICAL,
          "Roll the key in the Stripe dashboard and read the new one from Secrets Manager at run"
              + " time.",
          "payments"),
      rule("SECRET-008", "Hard-coded Twilio credentials", Severity.HIGH,
          "Rotate the auth token or API key secret in Twilio and read it from Secrets Manager at"
              + " run time.",
          "messaging"),
      rule("SECRET-009", "Hard-coded SendGrid API key", Severity.HIGH,
          "Delete the API key in SendGrid and read a new one from Secrets Manager at run time.",
          "messaging"),
      rule("SECRET-010", "Hard-coded Google API key or service-account key", Severity.HIGH,
          "Delete or restrict the key in Google Cloud and read its replacement from Secrets"
              + " Manager at run time.",
          "gcp"),
      rule("SECRET-011", "Hard-coded Azure storage key, SAS token or client secret",
          Severity.CRITICAL,
          "Regenerate the key or secret in Azure and read the new one from Secrets Manager at run"
              + " time.",
          "azure"),
      rule("SECRET-012", "Hard-coded package registry token", Severity.HIGH,
          "Revoke the token in the registry and pass a new one to the build from a secret store.",
          "supply-chain"),
      rule("SECRET-013", "Hard-coded JSON Web Token", Severity.MEDIUM,
          "Remove the token from the code and obtain tokens at run time from the identity"
              + " provider.",
          "token"),
      rule("SECRET-014", "Password in a connection string or URL", Severity.HIGH,
          "Change the password and build the connection string at run time from Secrets Manager"
              + " or use IAM database authentication.",
          "database"),
      rule("SECRET-015", "High-entropy secret assigned to a secret-like name", Severity.MEDIUM,
          "Move the value to Secrets Manager or SSM Parameter Store and read it at run time.",
          "generic"),
      rule("SECRET-016", "Hard-coded AI platform API key", Severity.HIGH,
          "Revoke the key in the provider's console and read a new one from Secrets Manager at"
              + " run time.",
          "ai"));

  private SecretRules() {}

  /** Every secret rule, in id order. */
  public static List<RuleMetadata> metadata() {
    return ALL;
  }

  /** The rule with this id or alias, case-insensitively. */
  public static Optional<RuleMetadata> byId(String idOrAlias) {
    return ALL.stream().filter(m -> m.answersTo(idOrAlias)).findFirst();
  }

  /** The kinds one rule reports, in declaration order. */
  public static List<SecretKind> kinds(String ruleId) {
    List<SecretKind> out = new ArrayList<>();
    for (SecretKind k : SecretKind.values()) {
      if (k.ruleId().equalsIgnoreCase(ruleId)) {
        out.add(k);
      }
    }
    return out;
  }

  private static RuleMetadata rule(
      String id, String title, Severity severity, String remediation, String tag) {
    return new RuleMetadata(
        id, title, severity, remediation, List.of("secrets", tag), List.of(), true, doc(id),
        PILLAR);
  }

  private static String doc(String id) {
    String name = "/rules/" + id.toUpperCase(Locale.ROOT) + ".md";
    try (InputStream in = SecretRules.class.getResourceAsStream(name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the secrets jar", e);
    }
  }
}
