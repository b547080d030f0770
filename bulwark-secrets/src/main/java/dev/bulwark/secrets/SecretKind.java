package dev.bulwark.secrets;

import dev.bulwark.core.Severity;

/**
 * What a detected secret is. Several kinds of one family share a rule id (the Stripe secret key,
 * restricted key and webhook secret are all {@code SECRET-007}); the kind's {@link #id()} is in
 * every finding's {@code kind} property.
 *
 * <p>The severity is the kind's default; a finding can be lower when the context says the value is
 * weaker (an encrypted private key, an expired JWT, a GitHub token whose checksum does not match).
 */
public enum SecretKind {
  AWS_ACCESS_KEY_PAIR(
      "SECRET-001", "aws-access-key-pair", "AWS access key pair", Severity.CRITICAL),
  AWS_SECRET_ACCESS_KEY(
      "SECRET-001", "aws-secret-access-key", "AWS secret access key", Severity.CRITICAL),
  AWS_ACCESS_KEY_ID("SECRET-002", "aws-access-key-id", "AWS access key id", Severity.HIGH),
  PRIVATE_KEY("SECRET-003", "private-key", "Private key", Severity.HIGH),
  GITHUB_TOKEN("SECRET-004", "github-token", "GitHub token", Severity.HIGH),
  GITLAB_TOKEN("SECRET-005", "gitlab-token", "GitLab token", Severity.HIGH),
  SLACK_TOKEN("SECRET-006", "slack-token", "Slack token", Severity.HIGH),
  SLACK_WEBHOOK("SECRET-006", "slack-webhook", "Slack incoming webhook URL", Severity.MEDIUM),
  STRIPE_KEY("SECRET-007", "stripe-key", "Stripe live key", Severity.CRITICAL),
  TWILIO_CREDENTIALS("SECRET-008", "twilio-credentials", "Twilio credentials", Severity.HIGH),
  SENDGRID_API_KEY("SECRET-009", "sendgrid-api-key", "SendGrid API key", Severity.HIGH),
  GOOGLE_API_KEY("SECRET-010", "google-api-key", "Google API key", Severity.HIGH),
  GOOGLE_SERVICE_ACCOUNT_KEY(
      "SECRET-010", "google-service-account-key", "Google service-account private key",
      Severity.CRITICAL),
  GOOGLE_OAUTH_CLIENT_SECRET(
      "SECRET-010", "google-oauth-client-secret", "Google OAuth client secret", Severity.HIGH),
  AZURE_STORAGE_KEY(
      "SECRET-011", "azure-storage-key", "Azure storage account key", Severity.CRITICAL),
  AZURE_SHARED_ACCESS_KEY(
      "SECRET-011", "azure-shared-access-key", "Azure shared access key", Severity.HIGH),
  AZURE_SAS_TOKEN("SECRET-011", "azure-sas-token", "Azure SAS token", Severity.HIGH),
  AZURE_CLIENT_SECRET(
      "SECRET-011", "azure-client-secret", "Azure AD application client secret", Severity.HIGH),
  NPM_TOKEN("SECRET-012", "npm-token", "npm access token", Severity.HIGH),
  PYPI_TOKEN("SECRET-012", "pypi-token", "PyPI API token", Severity.HIGH),
  JWT("SECRET-013", "jwt", "JSON Web Token", Severity.MEDIUM),
  URL_CREDENTIALS("SECRET-014", "url-credentials", "Password in a URL", Severity.HIGH),
  CONNECTION_STRING_PASSWORD(
      "SECRET-014", "connection-string-password", "Password in a connection string", Severity.HIGH),
  BASIC_AUTH_CREDENTIALS(
      "SECRET-014", "basic-auth-credentials", "Credentials in a Basic authorization header",
      Severity.HIGH),
  GENERIC_SECRET(
      "SECRET-015", "generic-secret", "High-entropy value assigned to a secret-like name",
      Severity.MEDIUM),
  BEARER_TOKEN("SECRET-015", "bearer-token", "Bearer token", Severity.MEDIUM),
  OPENAI_API_KEY("SECRET-016", "openai-api-key", "OpenAI API key", Severity.HIGH),
  ANTHROPIC_API_KEY("SECRET-016", "anthropic-api-key", "Anthropic API key", Severity.HIGH),
  HUGGING_FACE_TOKEN("SECRET-016", "hugging-face-token", "Hugging Face access token",
      Severity.HIGH);

  private final String ruleId;
  private final String id;
  private final String label;
  private final Severity severity;

  SecretKind(String ruleId, String id, String label, Severity severity) {
    this.ruleId = ruleId;
    this.id = id;
    this.label = label;
    this.severity = severity;
  }

  /** The rule that reports this kind, e.g. {@code SECRET-004}. */
  public String ruleId() {
    return ruleId;
  }

  /** Stable kebab-case name, the {@code kind} property of findings, e.g. {@code github-token}. */
  public String id() {
    return id;
  }

  /** Human name, e.g. {@code GitHub token}. */
  public String label() {
    return label;
  }

  /** Default severity of a finding of this kind. */
  public Severity severity() {
    return severity;
  }
}
