package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String json(Report report, ReportOptions options) throws IOException {
    StringWriter out = new StringWriter();
    Reporters.of(ReportFormat.JSON, options).write(report, out);
    return out.toString();
  }

  @Test
  void representativeReportConformsToThePublishedSchema() throws IOException {
    String out = json(SampleReports.representative(), SampleReports.goldenOptions());
    assertThat(Schemas.jsonReportViolations(out)).isEmpty();
  }

  @Test
  void emptyReportConformsToThePublishedSchema() throws IOException {
    String out = json(SampleReports.empty(), ReportOptions.defaults());
    assertThat(Schemas.jsonReportViolations(out)).isEmpty();
    JsonNode root = MAPPER.readTree(out);
    assertThat(root.path("findings")).isEmpty();
    assertThat(root.path("rules")).isEmpty();
    assertThat(root.path("summary").path("findings").asInt(-1)).isZero();
  }

  @Test
  void schemaRejectsASuppressedFindingWithoutItsSuppression() throws IOException {
    String out = json(SampleReports.representative(), SampleReports.goldenOptions());
    String broken = out.replaceFirst("\"suppression\": \\{", "\"suppressionGone\": {");
    assertThat(broken).isNotEqualTo(out);
    assertThat(Schemas.jsonReportViolations(broken)).isNotEmpty();
  }

  @Test
  void theSchemaShipsInTheJar() throws IOException {
    try (InputStream in = Reporters.class.getResourceAsStream(Reporters.JSON_SCHEMA_RESOURCE)) {
      assertThat(in).isNotNull();
      JsonNode schema = MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(schema.path("properties").has("schemaVersion")).isTrue();
    }
  }

  @Test
  void startsWithSchemaVersionAndKeepsTheDocumentedFieldOrder() throws IOException {
    JsonNode root = MAPPER.readTree(json(SampleReports.representative(), ReportOptions.defaults()));
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("schemaVersion", "tool", "startedAt", "durationMs",
        "summary", "findings", "errors", "scannedFiles", "notes", "rules");
    assertThat(root.path("schemaVersion").asText()).isEqualTo("1.1");
    assertThat(root.path("startedAt").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
    assertThat(root.path("durationMs").asLong()).isEqualTo(1234);
  }

  @Test
  void summaryCountsUnsuppressedFindingsPerSeverity() throws IOException {
    JsonNode summary = MAPPER.readTree(json(SampleReports.representative(),
        ReportOptions.defaults())).path("summary");
    assertThat(summary.path("findings").asInt()).isEqualTo(5);
    assertThat(summary.path("bySeverity").path("critical").asInt()).isEqualTo(1);
    assertThat(summary.path("bySeverity").path("high").asInt()).isEqualTo(2);
    assertThat(summary.path("bySeverity").path("low").asInt()).isZero();
    assertThat(summary.path("suppressed").asInt()).isEqualTo(2);
    assertThat(summary.path("errors").asInt()).isEqualTo(2);
    assertThat(summary.path("scannedFiles").asInt()).isEqualTo(6);
  }

  @Test
  void writesUnknownLinesAndMissingResourcesAsNull() throws IOException {
    Finding f = Finding.builder("DEP-002", Severity.LOW, "Unpinned dependency", "Pin it.")
        .message("requests is not pinned")
        .location(SourceLocation.of("requirements.txt", 0))
        .build();
    Report report = new Report("bulwark", SampleReports.STARTED, Duration.ZERO, List.of(f),
        List.of(), List.of("requirements.txt"), List.of());
    JsonNode root = MAPPER.readTree(json(report, ReportOptions.defaults()));
    JsonNode finding = root.path("findings").path(0);
    assertThat(finding.path("resource").isNull()).isTrue();
    assertThat(finding.path("location").path("startLine").isNull()).isTrue();
    assertThat(finding.path("location").path("endLine").isNull()).isTrue();
    assertThat(finding.has("suppression")).isFalse();
    assertThat(finding.has("properties")).isFalse();
    assertThat(root.path("tool").has("version")).isFalse();
    assertThat(root.path("rules").path(0).path("id").asText()).isEqualTo("DEP-002");
  }

  @Test
  void sortsPropertiesAndScannedFilesByName() throws IOException {
    JsonNode root = MAPPER.readTree(json(SampleReports.representative(),
        ReportOptions.defaults()));
    JsonNode props = root.path("findings").path(0).path("properties");
    List<String> keys = new ArrayList<>();
    props.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("advisory", "fixedIn", "version");
    List<String> files = new ArrayList<>();
    root.path("scannedFiles").forEach(n -> files.add(n.asText()));
    assertThat(files).isSorted().hasSize(6);
  }

  @Test
  void outputDoesNotDependOnTheOrderFindingsWereProduced() throws IOException {
    Report original = SampleReports.representative();
    List<Finding> shuffled = new ArrayList<>(original.findings());
    Collections.shuffle(shuffled, new Random(7));
    List<String> files = new ArrayList<>(original.scannedFiles());
    Collections.reverse(files);
    Report reordered = new Report(original.tool(), original.startedAt(), original.duration(),
        shuffled, original.errors(), files, original.rules(), original.notes());
    assertThat(json(reordered, ReportOptions.defaults()))
        .isEqualTo(json(original, ReportOptions.defaults()));
  }

  @Test
  void escapesControlCharactersAndKeepsUnicode() throws IOException {
    Finding f = Finding.builder(SampleReports.PUBLIC_URL)
        .message("Name \u001b[31mred\u001b[0m \"quoted\" \\ é 漢")
        .location(SourceLocation.of("t.yaml", 1))
        .build();
    Report report = new Report("bulwark", SampleReports.STARTED, Duration.ZERO, List.of(f),
        List.of(), List.of(), List.of());
    String out = json(report, ReportOptions.defaults());
    assertThat(out).doesNotContain("\u001b").contains("\\u001B[31m").contains("é 漢");
    assertThat(MAPPER.readTree(out).path("findings").path(0).path("message").asText())
        .isEqualTo(f.message());
  }

  @Test
  void usesLineFeedsAndEndsWithOne() throws IOException {
    String out = json(SampleReports.representative(), ReportOptions.defaults());
    assertThat(out).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void writesAFindingWithoutOriginWithANullFileThatTheSchemaAccepts() throws IOException {
    Finding f = Finding.builder(SampleReports.NO_TRACING).message("Default applies").build();
    Report report = new Report("bulwark", SampleReports.STARTED, Duration.ZERO, List.of(f),
        List.of(), List.of(), List.of());
    String out = json(report, ReportOptions.defaults());
    assertThat(Schemas.jsonReportViolations(out)).isEmpty();
    assertThat(MAPPER.readTree(out).path("findings").path(0).path("location").path("file")
        .isNull()).isTrue();
  }
}
