package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void parsesNamesIgnoringCaseAndBlanks() {
    assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
    assertThat(ReportFormat.parse(" JSON ")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.parse("Sarif")).isEqualTo(ReportFormat.SARIF);
    assertThat(ReportFormat.parse("junit")).isEqualTo(ReportFormat.JUNIT);
  }

  @Test
  void rejectsAnUnknownNameNamingTheAcceptedOnes() {
    assertThatThrownBy(() -> ReportFormat.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown report format 'xml' (expected one of text, json, sarif, junit)");
  }

  @Test
  void everyFormatHasAReporterThatSaysWhatItWrites() {
    for (ReportFormat f : ReportFormat.values()) {
      assertThat(Reporters.of(f, ReportOptions.defaults()).format()).isEqualTo(f);
    }
  }

  @Test
  void suggestsAFileExtensionPerFormat() {
    assertThat(ReportFormat.SARIF.fileExtension()).isEqualTo("sarif");
    assertThat(ReportFormat.JUNIT.fileExtension()).isEqualTo("xml");
  }
}
