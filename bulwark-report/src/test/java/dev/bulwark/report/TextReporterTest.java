package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

  private static final ReportOptions PLAIN = ReportOptions.defaults();
  private static final ReportOptions COLOUR = ReportOptions.builder().colour(true).build();

  private static String text(Report report, ReportOptions options) throws IOException {
    StringWriter out = new StringWriter();
    Reporters.of(ReportFormat.TEXT, options).write(report, out);
    return out.toString();
  }

  private static Report single(Finding f, Duration took) {
    return new Report("bulwark 0.1.0", SampleReports.STARTED, took, List.of(f), List.of(),
        List.of(f.location().file()), List.of());
  }

  @Test
  void withoutColourWritesNoEscapeSequenceAtAll() throws IOException {
    assertThat(text(SampleReports.representative(), PLAIN)).doesNotContain("\u001b");
  }

  @Test
  void withColourPaintsEachSeverityItsOwnWay() throws IOException {
    String out = text(SampleReports.representative(), COLOUR);
    assertThat(out)
        .contains("\u001b[1;31mCRITICAL\u001b[0m")
        .contains("\u001b[31mHIGH    \u001b[0m")
        .contains("\u001b[33mMEDIUM  \u001b[0m")
        .contains("\u001b[2mINFO    \u001b[0m")
        .contains("\u001b[1minfra/template.yaml\u001b[0m");
    assertThat(out.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(text(SampleReports.representative(), PLAIN));
  }

  @Test
  void groupsFindingsByFileThenResource() throws IOException {
    String out = text(SampleReports.representative(), PLAIN);
    assertThat(out).containsSubsequence(
        "functions/orders/requirements.txt\n",
        "  requests (pypi)\n",
        "infra/iam.yaml\n",
        "  ApiHandlerRole (AWS::IAM::Role)\n",
        "infra/template.yaml\n",
        "  OrdersFunction (AWS::Serverless::Function)\n",
        "    line ?   INFO      LAMBDA-001  OrdersFunction does not set Tracing\n",
        "    line 41  HIGH      SECRET-001  ",
        "  ApiHandler (AWS::Serverless::Function)\n",
        "    line 12  HIGH      LAMBDA-004  Function URL of ApiHandler has AuthType NONE\n");
  }

  @Test
  void putsTheRemediationUnderTheMessage() throws IOException {
    String out = text(SampleReports.representative(), PLAIN);
    String findingLine = "    line 12  HIGH      LAMBDA-004  Function URL";
    String remediation = " ".repeat(findingLine.indexOf("Function URL"))
        + "Set the URL's AuthType to AWS_IAM or put an authenticating API in front.\n";
    assertThat(out).contains(findingLine).contains("\n" + remediation);
  }

  @Test
  void hidesSuppressedFindingsByDefaultButCountsThem() throws IOException {
    String out = text(SampleReports.representative(), PLAIN);
    assertThat(out).doesNotContain("LAMBDA-010").doesNotContain("Events are replayed");
    assertThat(out).contains(", 2 suppressed,");
  }

  @Test
  void showsSuppressedFindingsWithTheirReasonWhenAsked() throws IOException {
    String out = text(SampleReports.representative(),
        ReportOptions.builder().includeSuppressed(true).build());
    assertThat(out).contains("LAMBDA-010  ApiHandler is invoked by S3 but has no dead-letter queue")
        .contains("suppressed (inline): Events are replayed from the bucket inventory")
        .contains("suppressed (baseline): In baseline .bulwark-baseline.json");
  }

  @Test
  void listsScanErrorsInTheirOwnSection() throws IOException {
    String out = text(SampleReports.representative(), PLAIN);
    assertThat(out).contains("Errors\n"
        + "  infra/broken.yaml:7: parse: mapping values are not allowed here\n"
        + "  infra/huge.json: limit: file is larger than 16 MiB\n");
  }

  @Test
  void endsWithOneSummaryLine() throws IOException {
    String out = text(SampleReports.representative(), PLAIN);
    assertThat(out).endsWith("\n5 findings (1 critical, 2 high, 1 medium, 0 low, 1 info), "
        + "2 suppressed, 6 templates scanned, 2 errors, in 1.23 s\n");
  }

  @Test
  void saysSoWhenThereIsNothingToReport() throws IOException {
    assertThat(text(SampleReports.empty(), PLAIN)).isEqualTo("No findings.\n\n"
        + "0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info), 0 suppressed, "
        + "0 templates scanned, 0 errors, in 8 ms\n");
  }

  @Test
  void saysSoWhenEveryFindingIsSuppressed() throws IOException {
    Finding f = Finding.builder(SampleReports.NO_DLQ).message("m")
        .location(SourceLocation.of("a.yaml", 2)).build()
        .withSuppression(new Suppression(Suppression.Kind.METADATA, "why", null));
    String out = text(single(f, Duration.ofMinutes(2).plusSeconds(5)), PLAIN);
    assertThat(out).startsWith("No unsuppressed findings.\n")
        .endsWith("0 findings (0 critical, 0 high, 0 medium, 0 low, 0 info), 1 suppressed, "
            + "1 template scanned, 0 errors, in 2 min 5 s\n");
  }

  @Test
  void neutralisesTerminalEscapesAndBidiOverridesFromScannedInput() throws IOException {
    Finding f = Finding.builder(SampleReports.PUBLIC_URL)
        .message("Fn\u001b]0;owned\u0007 has \u202eenoN\u202c auth\nsecond line")
        .resource("Fn\u001b[2J", "AWS::Serverless::Function")
        .location(SourceLocation.of("in\u001b[1mfra.yaml", 3))
        .build();
    Report report = new Report("bulwark", SampleReports.STARTED, Duration.ZERO, List.of(f),
        List.of(new ScanError("bad\u009b.yaml", 1, ScanError.Kind.PARSE, "x\u001by")),
        List.of(), List.of());
    String out = text(report, COLOUR);
    assertThat(out.replaceAll("\u001b\\[(0|1|2|31|33|36|1;31)m", ""))
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
        .doesNotContain("\u009b");
    assertThat(out).contains("Fn\\x1b]0;owned\\x07 has \\u202eenoN\\u202c auth\\x0asecond line")
        .contains("Fn\\x1b[2J (AWS::Serverless::Function)")
        .contains("in\\x1b[1mfra.yaml")
        .contains("bad\\x9b.yaml:1: parse: x\\x1by");
  }

  @Test
  void showsAFindingWithoutFileOrResourceUnderPlaceholders() throws IOException {
    Finding f = Finding.builder(SampleReports.NO_TRACING).message("Default applies").build();
    String out = text(single(f, Duration.ZERO), PLAIN);
    assertThat(out).startsWith("(no file)\n  (no resource)\n    line ?  INFO      LAMBDA-001"
        + "  Default applies\n");
  }
}
