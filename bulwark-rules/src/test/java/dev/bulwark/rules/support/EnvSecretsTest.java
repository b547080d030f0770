package dev.bulwark.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.rules.support.EnvSecrets.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvSecretsTest {

  private static final SourceLocation NAME_AT = SourceLocation.of("t.yaml", 10);
  private static final SourceLocation VALUE_AT = SourceLocation.of("t.yaml", 11);
  // built from parts so that no complete credential-shaped literal sits in the source
  private static final String ACCESS_KEY = "AKIA" + "Q3ZJ7XK2MW4PLR5T";
  private static final String GITHUB_TOKEN = "ghp_" + "k8Jd02LmQp7Zx4Rt9Vb1Nc6Hy3Wf5Ga0Ue2S";

  private static Optional<EnvSecrets.Match> literal(String name, String value) {
    return EnvSecrets.inspect(name, Attr.of(value, VALUE_AT), NAME_AT);
  }

  @Test
  void recognisesAnAwsAccessKeyWhateverTheVariableIsCalled() {
    Optional<EnvSecrets.Match> m = literal("CONFIG", ACCESS_KEY);
    assertThat(m).isPresent();
    assertThat(m.get().kind()).isEqualTo(Kind.AWS_ACCESS_KEY);
    assertThat(m.get().byValue()).isTrue();
    assertThat(m.get().location()).isEqualTo(VALUE_AT);
  }

  @Test
  void neverReturnsMoreThanTheFirstFourCharacters() {
    EnvSecrets.Match m = literal("CONFIG", ACCESS_KEY).orElseThrow();
    assertThat(m.redacted()).isEqualTo("AKIA****");
    assertThat(m.describe()).doesNotContain(ACCESS_KEY.substring(4))
        .isEqualTo("environment variable CONFIG holds an AWS access key id (AKIA****)");
    EnvSecrets.Match pw = literal("DB_PASSWORD", "hunter22").orElseThrow();
    assertThat(pw.redacted()).isEqualTo("hu****");
  }

  @Test
  void ignoresTheDocumentationExampleAccessKey() {
    assertThat(literal("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")).isEmpty();
  }

  @Test
  void recognisesWellKnownTokensAndPrivateKeysByValue() {
    assertThat(literal("GH", GITHUB_TOKEN).map(EnvSecrets.Match::kind)).contains(Kind.TOKEN);
    assertThat(literal("SIGNER", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow...")
            .map(EnvSecrets.Match::kind))
        .contains(Kind.PRIVATE_KEY);
    assertThat(literal("SLACK", "xoxb-" + "1234567890-abcdefghij").map(EnvSecrets.Match::kind))
        .contains(Kind.TOKEN);
  }

  @ParameterizedTest
  @CsvSource({
    "DATABASE_URL, postgres://app:s3cr3tPass@db.internal:5432/orders",
    "MONGO_URI, mongodb+srv://svc:Xy7-pq2@cluster0.example.net/app",
    "SQLSERVER, Server=db;User Id=app;Password=Pa55word!;",
    "JDBC, jdbc:mysql://db:3306/app?user=app&password=Wq8zz1x"
  })
  void recognisesConnectionStringsWithCredentials(String name, String value) {
    assertThat(literal(name, value).map(EnvSecrets.Match::kind))
        .contains(Kind.CONNECTION_STRING);
  }

  @Test
  void connectionStringWithoutPasswordIsNotASecret() {
    assertThat(literal("DATABASE_URL", "postgres://db.internal:5432/orders")).isEmpty();
    assertThat(literal("REDIS_URL", "redis://cache.internal:6379")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "DB_PASSWORD, hunter22, PASSWORD",
    "dbPassword, correcthorse, PASSWORD",
    "MYSQL_PWD, Pa55word, PASSWORD",
    "DB_PASS_VALUE, tr0ub4dor, PASSWORD",
    "JWT_SECRET, supersecretvalue, SECRET",
    "STRIPE_API_KEY, a8f5f167f44f4964e6c998dee827110c, API_KEY",
    "ApiKey, 9f86d081884c7d65, API_KEY",
    "AUTH_TOKEN, Bearer abc123def456, TOKEN",
    "SIGNING_KEY, 6b86b273ff34fce1, SECRET",
    "PRIVATE_KEY, MIIEvQIBADANBgkqhkiG9w0BAQEFAASC, PRIVATE_KEY"
  })
  void recognisesSecretsByTheVariablesName(String name, String value, Kind kind) {
    Optional<EnvSecrets.Match> m = literal(name, value);
    assertThat(m.map(EnvSecrets.Match::kind)).contains(kind);
    assertThat(m.get().byValue()).isFalse();
  }

  @Test
  void labelsAnAwsSecretAccessKeyByNameAndShape() {
    String fortyChars = "wJa1rXUtnFEMIxK7MDENGxbPxRfiCY9s8d7f6g5h";
    assertThat(literal("AWS_SECRET_ACCESS_KEY", fortyChars).map(EnvSecrets.Match::kind))
        .contains(Kind.AWS_SECRET_KEY);
  }

  @ParameterizedTest
  @CsvSource({
    "DB_PASSWORD_ARN, arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
    "SECRET_NAME, prod/orders/db",
    "DB_SECRET, prod/orders/db-credentials",
    "API_KEY_HEADER, x-api-key",
    "TOKEN_TTL, 3600",
    "TOKEN_ENDPOINT, https://auth.example.com/oauth2/token",
    "DB_PASSWORD, '{{resolve:secretsmanager:db:SecretString:password}}'",
    "DB_PASSWORD, /prod/db/password",
    "DB_PASSWORD, changeme_placeholder_REPLACE WITH VALUE FROM VAULT",
    "DB_PASSWORD, ''",
    "DB_PASSWORD, xxxxxxxx",
    "DB_PASSWORD, <your password>",
    "API_KEY, your-api-key",
    "PASSWORD_POLICY, strict",
    "TOKEN_VALIDATION_ENABLED, true",
    "CLIENT_SECRET, short",
    "KEY, abcdefghijkl123",
    "PASSTHROUGH_HEADERS, Authorization",
    "PASSWORD, abc"
  })
  void valuesThatOnlyPointAtASecretOrArePlaceholdersAreNotSecrets(String name, String value) {
    assertThat(literal(name, value)).isEmpty();
  }

  @Test
  void aChangemePasswordIsStillALiteralPassword() {
    assertThat(literal("DB_PASSWORD", "changeme").map(EnvSecrets.Match::kind))
        .contains(Kind.PASSWORD);
  }

  @Test
  void unresolvedValuesAreCheckedByValueOnTheirLiteralPartsOnly() {
    Attr<String> fromParameter =
        Attr.unknown(VALUE_AT, "${DbPassword}", List.of());
    assertThat(EnvSecrets.inspect("DB_PASSWORD", fromParameter, NAME_AT)).isEmpty();

    Attr<String> passwordFromParameter =
        Attr.unknown(VALUE_AT, "postgres://app:${DbPassword}@${Db.Endpoint.Address}/x", List.of());
    assertThat(EnvSecrets.inspect("DATABASE_URL", passwordFromParameter, NAME_AT)).isEmpty();

    Attr<String> literalPasswordUnknownHost =
        Attr.unknown(VALUE_AT, "postgres://app:hunter22@${Db.Endpoint.Address}/x", List.of("Db"));
    assertThat(EnvSecrets.inspect("DATABASE_URL", literalPasswordUnknownHost, NAME_AT)
            .map(EnvSecrets.Match::kind))
        .contains(Kind.CONNECTION_STRING);
  }

  @Test
  void everyAlternativeOfAConditionalValueIsChecked() {
    Attr<String> either = Attr.oneOf(List.of("/prod/db/password", "hunter22"), VALUE_AT);
    assertThat(EnvSecrets.inspect("DB_PASSWORD", either, NAME_AT)).isPresent();
  }

  @Test
  void defaultedAndAbsentValuesAreNeverSecrets() {
    assertThat(EnvSecrets.inspect("DB_PASSWORD", Attr.defaulted("hunter22", NAME_AT), NAME_AT))
        .isEmpty();
    assertThat(EnvSecrets.inspect("DB_PASSWORD", Attr.<String>absent(NAME_AT), NAME_AT))
        .isEmpty();
  }

  @Test
  void pointsAtTheNameWhenTheValueHasNoLine() {
    EnvSecrets.Match m =
        EnvSecrets.inspect("DB_PASSWORD", Attr.of("hunter22", SourceLocation.NONE), NAME_AT)
            .orElseThrow();
    assertThat(m.location()).isEqualTo(NAME_AT);
  }

  @Test
  void splitsNamesIntoWordsWhateverTheirCase() {
    assertThat(EnvSecrets.words("DBPassword")).containsExactly("DB", "PASSWORD");
    assertThat(EnvSecrets.words("dbPassword")).containsExactly("DB", "PASSWORD");
    assertThat(EnvSecrets.words("DB_PASSWORD-2")).containsExactly("DB", "PASSWORD", "2");
    assertThat(EnvSecrets.words("aws.secretAccessKey"))
        .containsExactly("AWS", "SECRET", "ACCESS", "KEY");
  }

  @Test
  void staysLinearOnHostileInput() {
    String hostile = "a://" + "b".repeat(200_000) + ":" + "c".repeat(200_000);
    assertThat(literal("X", hostile)).isEmpty();
  }
}
