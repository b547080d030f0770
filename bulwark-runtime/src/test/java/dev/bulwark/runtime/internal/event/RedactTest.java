package dev.bulwark.runtime.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {

  @Test
  void redactsWholeValuesAtCredentialLocations() {
    assertThat(Redact.excerpt("header.authorization", "Bearer abc")).isEqualTo("[redacted]");
    assertThat(Redact.excerpt("cookie.session", "x")).isEqualTo("[redacted]");
    assertThat(Redact.excerpt("body.$.password", "hunter2")).isEqualTo("[redacted]");
    assertThat(Redact.excerpt("body.$.api_key", "k")).isEqualTo("[redacted]");
  }

  @Test
  void masksJwtsAwsKeysAndLongSecretsInsideText() {
    assertThat(Redact.excerpt("query.q", "x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl y"))
        .isEqualTo("x eyJh…[redacted] y");
    assertThat(Redact.excerpt("query.q", "AKIAABCDEFGHIJKLMNOP")).isEqualTo("AKIA…[redacted]");
    assertThat(Redact.excerpt("query.q", "k=ab12cd34ef56ab12cd34ef56ab12cd34ef56")).isEqualTo("k=ab…[redacted]");
    assertThat(Redact.excerpt("query.q", "1' OR 1=1 --")).isEqualTo("1' OR 1=1 --");
  }

  @Test
  void truncatesToSixtyFourCharacters() {
    String s = Redact.excerpt("query.q", "a ".repeat(100));
    assertThat(s).hasSize(64).endsWith("…");
  }
}
