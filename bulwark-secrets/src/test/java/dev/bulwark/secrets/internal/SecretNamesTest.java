package dev.bulwark.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secrets.internal.SecretNames.Strength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "password, PASSWORD",
    "DB_PASSWORD, PASSWORD",
    "dbPass, PASSWORD",
    "spring.datasource.password, PASSWORD",
    "MasterUserPassword, PASSWORD",
    "db-passwd, PASSWORD",
    "secret, SECRET",
    "clientSecret, SECRET",
    "API_KEY, SECRET",
    "apiKey, SECRET",
    "APIKey, SECRET",
    "x-api-key, SECRET",
    "stripeSecretKey, SECRET",
    "PRIVATE_KEY, SECRET",
    "signing_key, SECRET",
    "accessToken, SECRET",
    "GITHUB_TOKEN, SECRET",
    "_authToken, SECRET",
    "aws_secret_access_key, SECRET",
    "credentials, SECRET",
    "key, NONE",
    "publicKey, NONE",
    "KEY_ALIAS, NONE",
    "keyId, NONE",
    "aws_access_key_id, NONE",
    "password_policy, NONE",
    "passwordMinLength, NONE",
    "DB_PASSWORD_FILE, NONE",
    "secretName, NONE",
    "SECRET_ARN, NONE",
    "tokenUrl, NONE",
    "token_type, NONE",
    "nextToken, NONE",
    "pageToken, NONE",
    "maxTokens, NONE",
    "tokens, NONE",
    "tokenizer, NONE",
    "csrf_token, NONE",
    "isPasswordValid, NONE",
    "showPassword, NONE",
    "TOKEN_HEADER, NONE",
    "monkey, NONE",
    "keyboard, NONE",
    "passport, NONE",
    "EventSourceToken, NONE",
  })
  void judgesWhetherANameHoldsASecret(String name, Strength expected) {
    assertThat(SecretNames.classify(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "apiKey|api key",
    "APIKey|api key",
    "DB_PASSWORD|db password",
    "spring.datasource.password|spring datasource password",
    "key2fa|key 2 fa",
    "getHTTPResponse|get http response",
  })
  void splitsIdentifiersIntoLowerCaseWords(String name, String words) {
    assertThat(String.join(" ", SecretNames.words(name))).isEqualTo(words);
  }
}
