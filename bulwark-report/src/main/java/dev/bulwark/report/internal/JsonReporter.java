package dev.bulwark.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.ReportOptions;
import dev.bulwark.report.Reporter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bulwark's JSON report, schema version {@value #SCHEMA_VERSION}; {@code docs/json-report.md}
 * documents it and {@link dev.bulwark.report.Reporters#JSON_SCHEMA_RESOURCE} describes it formally.
 */
public final class JsonReporter implements Reporter {

  /** Minor versions only add fields; a major version removes or changes one. */
  public static final String SCHEMA_VERSION = "1.1";

  private final ReportOptions options;

  public JsonReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.JSON;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    ToolInfo tool = ToolInfo.of(report, options);
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("schemaVersion", SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", tool.name());
      if (tool.version() != null) {
        g.writeStringField("version", tool.version());
      }
      g.writeEndObject();
      g.writeStringField("startedAt", Json.instant(report.startedAt()));
      g.writeNumberField("durationMs", report.duration().toMillis());
      writeSummary(g, report);
      g.writeArrayFieldStart("findings");
      for (Finding f : report.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("errors");
      for (ScanError e : report.errors()) {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        nullableLine(g, "line", e.line());
        g.writeStringField("kind", e.kind().label());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("scannedFiles");
      List<String> files = new ArrayList<>(report.scannedFiles());
      files.sort(null);
      for (String file : files) {
        g.writeString(file);
      }
      g.writeEndArray();
      if (!report.notes().isEmpty()) {
        g.writeArrayFieldStart("notes");
        for (String note : report.notes()) {
          g.writeString(note);
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("rules");
      for (RuleMetadata r : DescribedRules.of(report, options).all()) {
        writeRule(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeSummary(JsonGenerator g, Report report) throws IOException {
    Map<Severity, Integer> counts = report.countsBySeverity();
    int active = counts.values().stream().mapToInt(Integer::intValue).sum();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("findings", active);
    g.writeObjectFieldStart("bySeverity");
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity s = Severity.values()[i];
      g.writeNumberField(s.label(), counts.get(s));
    }
    g.writeEndObject();
    g.writeNumberField("suppressed", report.suppressedCount());
    g.writeNumberField("errors", report.errors().size());
    g.writeNumberField("scannedFiles", report.scannedFiles().size());
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("title", f.title());
    g.writeStringField("message", f.message());
    if (f.resource() == null) {
      g.writeNullField("resource");
    } else {
      g.writeObjectFieldStart("resource");
      g.writeStringField("id", f.resource().id());
      g.writeStringField("type", f.resource().type());
      g.writeEndObject();
    }
    g.writeFieldName("location");
    writeLocation(g, f.location());
    g.writeStringField("remediation", f.remediation());
    g.writeBooleanField("suppressed", f.isSuppressed());
    Suppression s = f.suppression();
    if (s != null) {
      g.writeObjectFieldStart("suppression");
      g.writeStringField("kind", s.kind().label());
      g.writeStringField("reason", s.reason());
      if (s.location() != null) {
        g.writeFieldName("location");
        writeLocation(g, s.location());
      }
      g.writeEndObject();
    }
    g.writeStringField("fingerprint", f.fingerprint());
    if (!f.properties().isEmpty()) {
      g.writeFieldName("properties");
      Json.sortedStringMap(g, f.properties());
    }
    g.writeEndObject();
  }

  private static void writeLocation(JsonGenerator g, SourceLocation loc) throws IOException {
    g.writeStartObject();
    if (loc.file().isEmpty()) {
      g.writeNullField("file");
    } else {
      g.writeStringField("file", loc.file());
    }
    nullableLine(g, "startLine", loc.startLine());
    nullableLine(g, "endLine", loc.hasLine() ? loc.endLine() : 0);
    g.writeEndObject();
  }

  private static void nullableLine(JsonGenerator g, String field, int line) throws IOException {
    if (line > 0) {
      g.writeNumberField(field, line);
    } else {
      g.writeNullField(field);
    }
  }

  private static void writeRule(JsonGenerator g, RuleMetadata r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("title", r.title());
    g.writeStringField("severity", r.severity().label());
    g.writeStringField("remediation", r.remediation());
    stringArray(g, "tags", r.tags());
    stringArray(g, "aliases", r.aliases());
    g.writeBooleanField("enabledByDefault", r.enabledByDefault());
    g.writeStringField("pillar", r.pillar());
    g.writeStringField("help", r.help());
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
