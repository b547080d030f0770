package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the public Javadoc, run as written, so that they keep compiling and working. */
class ApiExamplesTest {

  @TempDir Path dir;

  private final Report report = SampleReports.representative();

  @Test
  void packageExampleWritesSarifToAFile() throws IOException {
    Path target = dir.resolve("bulwark.sarif");
    // package-info.java
    Reporter reporter = Reporters.of(ReportFormat.parse("sarif"), ReportOptions.defaults());
    reporter.write(report, target);
    assertThat(Schemas.sarifViolations(Files.readString(target))).isEmpty();
  }

  @Test
  void reporterExamplePrintsColouredTextThroughAPrintWriter() throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    // Reporter.java, with System.out replaced by a buffer
    Reporter text = Reporters.of(ReportFormat.TEXT, ReportOptions.builder().colour(true).build());
    PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    text.write(report, out);
    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\u001b[1;31mCRITICAL");
  }

  @Test
  void optionsExampleBuilds() {
    // ReportOptions.java
    ReportOptions options = ReportOptions.builder()
        .colour(System.console() != null && System.getenv("NO_COLOR") == null)
        .includeSuppressed(false)
        .sourceRoot(Path.of("."))
        .toolVersion("0.1.0")
        .rules(List.of())
        .build();
    assertThat(options.sourceRoot()).isNotNull();
    assertThat(options.sourceRoot().toString()).startsWith("file:/").endsWith("/");
  }

  @Test
  void formatExampleParsesUpperCase() {
    // ReportFormat.java
    ReportFormat f = ReportFormat.parse("SARIF");
    assertThat(f).isEqualTo(ReportFormat.SARIF);
  }

  @Test
  void reportersExampleGivesAJsonReporter() {
    // Reporters.java
    Reporter json = Reporters.of(ReportFormat.JSON, ReportOptions.defaults());
    assertThat(json.format()).isEqualTo(ReportFormat.JSON);
  }
}
