package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String sarif(Report report, ReportOptions options) throws IOException {
    StringWriter out = new StringWriter();
    Reporters.of(ReportFormat.SARIF, options).write(report, out);
    return out.toString();
  }

  private static JsonNode run(Report report, ReportOptions options) throws IOException {
    return MAPPER.readTree(sarif(report, options)).path("runs").path(0);
  }

  private static Report withFindings(List<Finding> findings, List<ScanError> errors) {
    return new Report("bulwark 0.1.0", SampleReports.STARTED, Duration.ofSeconds(2), findings,
        errors, List.of("template.yaml"), List.of(SampleReports.PUBLIC_URL));
  }

  private static Finding at(SourceLocation location) {
    return Finding.builder(SampleReports.PUBLIC_URL)
        .message("Function URL of Fn has AuthType NONE")
        .resource("Fn", "AWS::Serverless::Function")
        .location(location)
        .build();
  }

  @Test
  void representativeReportConformsToTheOfficialSarifSchema() throws IOException {
    String out = sarif(SampleReports.representative(), SampleReports.goldenOptions());
    assertThat(Schemas.sarifViolations(out)).isEmpty();
  }

  @Test
  void emptyReportWithoutRulesConformsToTheOfficialSarifSchema() throws IOException {
    String out = sarif(SampleReports.empty(), ReportOptions.defaults());
    assertThat(Schemas.sarifViolations(out)).isEmpty();
    JsonNode run = MAPPER.readTree(out).path("runs").path(0);
    assertThat(run.path("results").isArray()).isTrue();
    assertThat(run.path("results")).isEmpty();
    assertThat(run.path("tool").path("driver").path("rules")).isEmpty();
    assertThat(run.path("invocations").path(0).path("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void schemaValidationRejectsALineZeroRegion() throws IOException {
    String out = sarif(SampleReports.representative(), SampleReports.goldenOptions());
    String broken = out.replaceFirst("\"startLine\": 3", "\"startLine\": 0");
    assertThat(broken).isNotEqualTo(out);
    assertThat(Schemas.sarifViolations(broken)).isNotEmpty();
  }

  @Test
  void omitsTheRegionWhenTheLineIsUnknown() throws IOException {
    JsonNode run = run(withFindings(List.of(at(SourceLocation.of("template.yaml", 0))), List.of()),
        ReportOptions.defaults());
    JsonNode physical = run.path("results").path(0).path("locations").path(0)
        .path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("template.yaml");
    assertThat(physical.has("region")).isFalse();
  }

  @Test
  void ruleIndexPointsAtTheRuleOfTheResult() throws IOException {
    JsonNode run = run(SampleReports.representative(), SampleReports.goldenOptions());
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(run.path("results")).hasSize(7);
    for (JsonNode result : run.path("results")) {
      int index = result.path("ruleIndex").asInt(-1);
      assertThat(rules.path(index).path("id").asText()).isEqualTo(result.path("ruleId").asText());
    }
  }

  @Test
  void describesRulesFromTheReportTheOptionsAndUnknownFindingsSortedById() throws IOException {
    JsonNode rules = run(SampleReports.representative(), SampleReports.goldenOptions())
        .path("tool").path("driver").path("rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.path("id").asText()));
    assertThat(ids).containsExactly(
        "APIGW-001", "DEP-001", "IAM-002", "LAMBDA-001", "LAMBDA-004", "LAMBDA-010", "SECRET-001");
  }

  @Test
  void mapsSeveritiesToLevelsAndSecuritySeverityScores() throws IOException {
    JsonNode rules = run(SampleReports.representative(), SampleReports.goldenOptions())
        .path("tool").path("driver").path("rules");
    assertThat(levelAndScore(rules, "IAM-002")).isEqualTo("error 9.5");
    assertThat(levelAndScore(rules, "LAMBDA-004")).isEqualTo("error 8.0");
    assertThat(levelAndScore(rules, "APIGW-001")).isEqualTo("warning 5.5");
    assertThat(levelAndScore(rules, "LAMBDA-010")).isEqualTo("note 3.0");
    assertThat(levelAndScore(rules, "LAMBDA-001")).isEqualTo("note 0.0");
  }

  private static String levelAndScore(JsonNode rules, String id) {
    for (JsonNode r : rules) {
      if (r.path("id").asText().equals(id)) {
        return r.path("defaultConfiguration").path("level").asText() + " "
            + r.path("properties").path("security-severity").asText();
      }
    }
    throw new AssertionError("no rule " + id);
  }

  @Test
  void resultLevelFollowsTheFindingsOwnSeverity() throws IOException {
    Finding raised = at(SourceLocation.of("template.yaml", 4)).withSeverity(Severity.CRITICAL);
    Finding lowered = at(SourceLocation.of("template.yaml", 9)).withSeverity(Severity.MEDIUM);
    JsonNode results = run(withFindings(List.of(raised, lowered), List.of()),
        ReportOptions.defaults()).path("results");
    assertThat(results.path(0).path("level").asText()).isEqualTo("error");
    assertThat(results.path(1).path("level").asText()).isEqualTo("warning");
    assertThat(results.path(1).path("properties").path("severity").asText()).isEqualTo("medium");
  }

  @Test
  void marksSuppressedResultsInSourceOrExternalWithTheJustification() throws IOException {
    Finding inline = at(SourceLocation.of("template.yaml", 4)).withSuppression(
        new Suppression(Suppression.Kind.INLINE, "Public by design", null));
    Finding baseline = at(SourceLocation.of("template.yaml", 9)).withSuppression(
        new Suppression(Suppression.Kind.BASELINE, "Accepted in review", null));
    JsonNode results = run(withFindings(List.of(inline, baseline), List.of()),
        ReportOptions.defaults()).path("results");
    JsonNode first = results.path(0).path("suppressions").path(0);
    assertThat(first.path("kind").asText()).isEqualTo("inSource");
    assertThat(first.path("status").asText()).isEqualTo("accepted");
    assertThat(first.path("justification").asText()).isEqualTo("Public by design");
    assertThat(results.path(1).path("suppressions").path(0).path("kind").asText())
        .isEqualTo("external");
  }

  @Test
  void keepsTheLineIndependentFingerprintUnderItsOwnKey() throws IOException {
    Finding f = at(SourceLocation.of("template.yaml", 4));
    JsonNode fp = run(withFindings(List.of(f), List.of()), ReportOptions.defaults())
        .path("results").path(0).path("partialFingerprints");
    assertThat(fp.path("bulwarkFingerprint/v1").asText()).isEqualTo(f.fingerprint());
    assertThat(fp.has("primaryLocationLineHash"))
        .as("left to the upload action, which computes it from the file")
        .isFalse();
  }

  @Test
  void listsScanErrorsAsToolExecutionNotifications() throws IOException {
    JsonNode invocation = run(SampleReports.representative(), SampleReports.goldenOptions())
        .path("invocations").path(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
    JsonNode notes = invocation.path("toolExecutionNotifications");
    assertThat(notes).hasSize(3);
    assertThat(notes.path(2).path("level").asText()).isEqualTo("note");
    assertThat(notes.path(2).path("message").path("text").asText())
        .isEqualTo("advisory data is 3 days old (osv cache)");
    assertThat(notes.path(0).path("message").path("text").asText())
        .isEqualTo("parse: mapping values are not allowed here");
    assertThat(notes.path(0).path("locations").path(0).path("physicalLocation").path("region")
        .path("startLine").asInt()).isEqualTo(7);
    assertThat(notes.path(1).path("locations").path(0).path("physicalLocation").has("region"))
        .isFalse();
  }

  @Test
  void internalErrorMarksTheExecutionUnsuccessful() throws IOException {
    Report report = withFindings(List.of(),
        List.of(new ScanError("template.yaml", 0, ScanError.Kind.INTERNAL, "unexpected state")));
    String out = sarif(report, ReportOptions.defaults());
    assertThat(Schemas.sarifViolations(out)).isEmpty();
    assertThat(MAPPER.readTree(out).path("runs").path(0).path("invocations").path(0)
        .path("executionSuccessful").asBoolean()).isFalse();
  }

  @Test
  void writesRelativeForwardSlashUrisAgainstSrcRoot() throws IOException {
    JsonNode run = run(withFindings(List.of(at(SourceLocation.of(".\\infra\\my stack.yaml", 3))),
        List.of()), ReportOptions.defaults());
    JsonNode artifact = run.path("results").path(0).path("locations").path(0)
        .path("physicalLocation").path("artifactLocation");
    assertThat(artifact.path("uri").asText()).isEqualTo("infra/my%20stack.yaml");
    assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(run.has("originalUriBaseIds")).isFalse();
  }

  @Test
  void makesAbsolutePathsUnderTheSourceRootRelative() throws IOException {
    ReportOptions options =
        ReportOptions.builder().sourceRoot(URI.create("file:///home/dev/shop")).build();
    JsonNode run = run(withFindings(List.of(
        at(SourceLocation.of("/home/dev/shop/infra/template.yaml", 3)),
        at(SourceLocation.of("/opt/shared/base.yaml", 5))), List.of()), options);
    assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText())
        .isEqualTo("file:///home/dev/shop/");
    JsonNode inside = artifact(run, 0);
    JsonNode outside = artifact(run, 1);
    assertThat(inside.path("uri").asText()).isEqualTo("infra/template.yaml");
    assertThat(inside.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(outside.path("uri").asText()).isEqualTo("file:///opt/shared/base.yaml");
    assertThat(outside.has("uriBaseId")).isFalse();
  }

  private static JsonNode artifact(JsonNode run, int result) {
    for (JsonNode r : run.path("results")) {
      if (r.path("locations").path(0).path("physicalLocation").path("region").path("startLine")
          .asInt() == (result == 0 ? 3 : 5)) {
        return r.path("locations").path(0).path("physicalLocation").path("artifactLocation");
      }
    }
    throw new AssertionError("no result " + result);
  }

  @Test
  void anchorsAFindingWithoutFileAtTheSourceRootSoGithubAcceptsTheUpload() throws IOException {
    String out = sarif(withFindings(List.of(at(SourceLocation.NONE)), List.of()),
        ReportOptions.defaults());
    assertThat(Schemas.sarifViolations(out)).isEmpty();
    JsonNode location = MAPPER.readTree(out).path("runs").path(0).path("results").path(0)
        .path("locations").path(0);
    assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo(".");
    assertThat(location.path("logicalLocations").path(0).path("name").asText()).isEqualTo("Fn");
  }

  @Test
  void keepsTheArnOfALiveResourceAsItsUri() throws IOException {
    String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
    String out = sarif(withFindings(List.of(at(SourceLocation.of(arn, 0))), List.of()),
        ReportOptions.defaults());
    assertThat(Schemas.sarifViolations(out)).isEmpty();
    JsonNode artifact = MAPPER.readTree(out).path("runs").path(0).path("results").path(0)
        .path("locations").path(0).path("physicalLocation").path("artifactLocation");
    assertThat(artifact.path("uri").asText()).isEqualTo(arn);
    assertThat(artifact.has("uriBaseId")).isFalse();
  }

  @Test
  void toolVersionFromOptionsOverridesTheReport() throws IOException {
    JsonNode driver = run(SampleReports.empty(), ReportOptions.builder().toolVersion("1.2.3")
        .informationUri("https://example.com/bulwark").build()).path("tool").path("driver");
    assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
    assertThat(driver.path("informationUri").asText()).isEqualTo("https://example.com/bulwark");
  }
}
