package dev.bulwark.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ResourceRef;
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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it; {@code docs/sarif.md} explains every field.
 * One run; rules sorted by id; results in report order.
 */
public final class SarifReporter implements Reporter {

  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** Key of our line-independent fingerprint in {@code partialFingerprints}. */
  static final String FINGERPRINT_KEY = "bulwarkFingerprint/v1";

  /** GitHub keeps at most this many tags per rule. */
  private static final int MAX_TAGS = 20;

  private final ReportOptions options;

  public SarifReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.SARIF;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    DescribedRules rules = DescribedRules.of(report, options);
    List<ScanError.Kind> errorKinds = errorKinds(report);
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g, ToolInfo.of(report, options), rules, errorKinds);
      writeInvocation(g, report, errorKinds);
      if (options.sourceRoot() != null) {
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(ArtifactUri.SRCROOT);
        g.writeStringField("uri", options.sourceRoot().toString());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeArrayFieldStart("results");
      for (Finding f : report.findings()) {
        writeResult(g, f, rules.indexOf(f.ruleId()));
      }
      g.writeEndArray();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private void writeTool(
      JsonGenerator g, ToolInfo tool, DescribedRules rules, List<ScanError.Kind> errorKinds)
      throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", tool.name());
    if (tool.version() != null) {
      g.writeStringField("version", tool.version());
    }
    g.writeStringField("informationUri", options.informationUri().toString());
    g.writeArrayFieldStart("rules");
    for (RuleMetadata r : rules.all()) {
      writeRule(g, r);
    }
    g.writeEndArray();
    if (!errorKinds.isEmpty()) {
      g.writeArrayFieldStart("notifications");
      for (ScanError.Kind k : errorKinds) {
        g.writeStartObject();
        g.writeStringField("id", k.label());
        g.writeStringField("name", pascalCase(k.label() + " error"));
        message(g, "shortDescription", describe(k));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", "error");
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeRule(JsonGenerator g, RuleMetadata r) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", r.id());
    g.writeStringField("name", pascalCase(r.title().isEmpty() ? r.id() : r.title()));
    message(g, "shortDescription", r.title().isEmpty() ? r.id() : r.title());
    message(g, "fullDescription", fullDescription(r));
    g.writeObjectFieldStart("help");
    String help = r.help().strip();
    String remediation = r.remediation().strip();
    g.writeStringField(
        "text", (help.isEmpty() ? "" : help + "\n\n") + "Remediation: " + remediation);
    g.writeStringField(
        "markdown", (help.isEmpty() ? "" : help + "\n\n") + "**Remediation:** " + remediation);
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    if (!r.enabledByDefault()) {
      g.writeBooleanField("enabled", false);
    }
    g.writeStringField("level", level(r.severity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeArrayFieldStart("tags");
    for (String tag : tags(r)) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeStringField("security-severity", securitySeverity(r.severity()));
    g.writeStringField("precision", precision(r.pillar()));
    if (!r.pillar().isEmpty()) {
      g.writeStringField("pillar", r.pillar());
    }
    if (!r.aliases().isEmpty()) {
      g.writeArrayFieldStart("aliases");
      for (String a : r.aliases()) {
        g.writeString(a);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeInvocation(
      JsonGenerator g, Report report, List<ScanError.Kind> errorKinds) throws IOException {
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    boolean internal = report.errors().stream().anyMatch(e -> e.kind() == ScanError.Kind.INTERNAL);
    g.writeBooleanField("executionSuccessful", !internal);
    g.writeStringField("startTimeUtc", Json.instant(report.startedAt()));
    g.writeStringField("endTimeUtc", Json.instant(report.startedAt().plus(report.duration())));
    if (!report.errors().isEmpty() || !report.notes().isEmpty()) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (ScanError e : report.errors()) {
        g.writeStartObject();
        g.writeStringField("level", "error");
        message(g, "message", e.kind().label() + ": " + e.message());
        g.writeObjectFieldStart("descriptor");
        g.writeStringField("id", e.kind().label());
        g.writeNumberField("index", errorKinds.indexOf(e.kind()));
        g.writeEndObject();
        ArtifactUri uri = ArtifactUri.of(e.file(), options.sourceRoot());
        if (uri != null) {
          g.writeArrayFieldStart("locations");
          g.writeStartObject();
          writePhysicalLocation(g, uri, e.line(), e.line(), 0);
          g.writeEndObject();
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      for (String note : report.notes()) {
        g.writeStartObject();
        g.writeStringField("level", "note");
        message(g, "message", note);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private void writeResult(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    message(g, "message", f.message());
    g.writeArrayFieldStart("locations");
    writeLocation(g, f.location(), f.resource());
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.fingerprint());
    g.writeEndObject();
    Suppression s = f.suppression();
    if (s != null) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField(
          "kind", s.kind() == Suppression.Kind.BASELINE ? "external" : "inSource");
      g.writeStringField("status", "accepted");
      g.writeStringField("justification", s.reason());
      SourceLocation at = s.location();
      ArtifactUri atUri = at == null ? null : ArtifactUri.of(at.file(), options.sourceRoot());
      if (at != null && atUri != null) {
        g.writeObjectFieldStart("location");
        writePhysicalLocation(g, atUri, at.startLine(), at.endLine(), at.startColumn());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("properties");
      g.writeStringField("bulwarkKind", s.kind().label());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("severity", f.severity().label());
    if (!f.properties().isEmpty()) {
      g.writeFieldName("details");
      Json.sortedStringMap(g, f.properties());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * GitHub rejects a whole upload when one result lacks {@code physicalLocation.artifactLocation
   * .uri}, so a finding with no file is anchored at the source root ({@code .}).
   */
  private void writeLocation(JsonGenerator g, SourceLocation loc, @Nullable ResourceRef resource)
      throws IOException {
    g.writeStartObject();
    ArtifactUri uri = ArtifactUri.of(loc.file(), options.sourceRoot());
    writePhysicalLocation(
        g, uri == null ? new ArtifactUri(".", true) : uri,
        loc.startLine(), loc.endLine(), loc.startColumn());
    if (resource != null) {
      g.writeArrayFieldStart("logicalLocations");
      g.writeStartObject();
      g.writeStringField("name", resource.id());
      g.writeStringField("kind", "resource");
      g.writeObjectFieldStart("properties");
      g.writeStringField("resourceType", resource.type());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** Omits the region when the line is unknown: SARIF lines start at 1. */
  private static void writePhysicalLocation(
      JsonGenerator g, ArtifactUri uri, int startLine, int endLine, int startColumn)
      throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri.uri());
    if (uri.relative()) {
      g.writeStringField("uriBaseId", ArtifactUri.SRCROOT);
    }
    g.writeEndObject();
    if (startLine > 0) {
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", startLine);
      if (startColumn > 0) {
        g.writeNumberField("startColumn", startColumn);
      }
      g.writeNumberField("endLine", Math.max(startLine, endLine));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  private static List<ScanError.Kind> errorKinds(Report report) {
    Set<ScanError.Kind> kinds = EnumSet.noneOf(ScanError.Kind.class);
    for (ScanError e : report.errors()) {
      kinds.add(e.kind());
    }
    return new ArrayList<>(kinds);
  }

  private static String describe(ScanError.Kind k) {
    return switch (k) {
      case IO -> "A file could not be read.";
      case PARSE -> "A file could not be parsed.";
      case INVALID -> "A file parsed but its content is not valid.";
      case LIMIT -> "A safety limit was hit; the input was not scanned in full.";
      case INTERNAL -> "An unexpected internal error stopped the processing of an input.";
    };
  }

  /** {@code critical} and {@code high} are errors, {@code medium} warnings, the rest notes. */
  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * A CVSS-like score in GitHub's bands: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium,
   * 0.1-3.9 low. Written as a string, as GitHub requires.
   */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  /**
   * Posture rules read resolved configuration and are very precise; dependency matches depend on
   * version data; secret detectors are pattern-based and the least precise.
   */
  static String precision(String pillar) {
    return switch (pillar) {
      case "posture" -> "very-high";
      case "secrets" -> "medium";
      default -> "high";
    };
  }

  private static List<String> tags(RuleMetadata r) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add("security");
    for (String t : r.tags()) {
      if (!t.isBlank() && tags.size() < MAX_TAGS) {
        tags.add(t.strip());
      }
    }
    return new ArrayList<>(tags);
  }

  /** The first paragraph of the help that is not a heading, or the title. */
  static String fullDescription(RuleMetadata r) {
    StringBuilder para = new StringBuilder();
    for (String line : r.help().split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty() || (para.length() == 0 && l.startsWith("#"))) {
        if (para.length() > 0) {
          break;
        }
        continue;
      }
      if (para.length() > 0) {
        para.append(' ');
      }
      para.append(l);
    }
    if (para.length() > 0) {
      return para.toString();
    }
    return r.title().isEmpty() ? r.id() : r.title();
  }

  /** {@code Function URL allows public access} becomes {@code FunctionURLAllowsPublicAccess}. */
  static String pascalCase(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return b.length() == 0 ? "Rule" : b.toString();
  }
}
