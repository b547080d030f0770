package dev.bulwark.iac.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void aSecretInMalformedJsonIsNotEchoedInFull() {
    TemplateReader.Result r =
        TemplateReader.read(
            "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\",\n \"Password\": wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY}}}",
            java.nio.file.Path.of("t.json"),
            "t.json",
            dev.bulwark.iac.IacOptions.defaults());
    ScanError e = r.errors().get(0);
    assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).doesNotContain("wJalrXUtnFEMIK7MDENG").contains("'wJal…'");
  }

  @Test
  void shortQuotedTokensAreKeptAndOnlyTheFirstLineIsShown() {
    assertThat(Messages.shortenQuoted("Unexpected character ('}' (code 125))\n at [Source: x]"))
        .isEqualTo("Unexpected character ('}' (code 125))");
  }

  @Test
  void anUnquotedColonInAYamlValueGetsAHint() {
    TemplateReader.Result r =
        Fixtures.text("AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: Orders: the API\nResources: {}\n");
    ScanError e = r.errors().get(0);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).endsWith("put the value in quotes)");
  }
}
