package dev.bulwark.report.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.Suppression;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.ReportOptions;
import dev.bulwark.report.Reporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report for a person at a terminal: findings grouped by file, then by resource, each with
 * its remediation; scan errors; one summary line. Every value that came from scanned input is
 * passed through {@link Texts#forTerminal} so that a template cannot drive the terminal.
 */
public final class TextReporter implements Reporter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final int SEVERITY_WIDTH = "CRITICAL".length();

  private final ReportOptions options;

  public TextReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.TEXT;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    BufferedWriter w = new BufferedWriter(out);
    List<Finding> shown = options.includeSuppressed() ? report.findings() : report.activeFindings();
    Columns columns = Columns.of(shown);
    int i = 0;
    while (i < shown.size()) {
      String file = shown.get(i).location().file();
      int end = i;
      while (end < shown.size() && shown.get(end).location().file().equals(file)) {
        end++;
      }
      writeFile(w, file, shown.subList(i, end), columns);
      i = end;
    }
    if (shown.isEmpty()) {
      w.write(report.findings().isEmpty() ? "No findings.\n\n" : "No unsuppressed findings.\n\n");
    }
    if (!report.errors().isEmpty()) {
      w.write(style(BOLD, "Errors") + "\n");
      for (ScanError e : report.errors()) {
        w.write("  " + Texts.forTerminal(e.toString()) + "\n");
      }
      w.write("\n");
    }
    if (!report.notes().isEmpty()) {
      w.write(style(BOLD, "Notes") + "\n");
      for (String note : report.notes()) {
        w.write("  " + Texts.forTerminal(note) + "\n");
      }
      w.write("\n");
    }
    w.write(summary(report) + "\n");
    w.flush();
  }

  private void writeFile(BufferedWriter w, String file, List<Finding> findings, Columns columns)
      throws IOException {
    w.write(style(BOLD, file.isEmpty() ? "(no file)" : Texts.forTerminal(file)) + "\n");
    Map<@Nullable ResourceRef, List<Finding>> byResource = new LinkedHashMap<>();
    for (Finding f : findings) {
      byResource.computeIfAbsent(f.resource(), r -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<@Nullable ResourceRef, List<Finding>> group : byResource.entrySet()) {
      ResourceRef r = group.getKey();
      w.write("  "
          + (r == null
              ? "(no resource)"
              : Texts.forTerminal(r.id()) + " (" + Texts.forTerminal(r.type()) + ")")
          + "\n");
      for (Finding f : group.getValue()) {
        writeFinding(w, f, columns);
      }
    }
    w.write("\n");
  }

  private void writeFinding(BufferedWriter w, Finding f, Columns columns) throws IOException {
    String line = f.location().hasLine() ? "line " + f.location().startLine() : "line ?";
    String severity = Texts.pad(f.severity().name(), SEVERITY_WIDTH);
    w.write("    " + Texts.pad(line, columns.line) + "  " + colourSeverity(f.severity(), severity)
        + "  " + Texts.pad(Texts.forTerminal(f.ruleId()), columns.ruleId) + "  "
        + Texts.forTerminal(f.message()) + "\n");
    String indent = " ".repeat(columns.messageColumn());
    w.write(indent + Texts.forTerminal(f.remediation()) + "\n");
    Suppression s = f.suppression();
    if (s != null) {
      w.write(indent + style(DIM, "suppressed (" + s.kind().label() + "): "
          + Texts.forTerminal(s.reason())) + "\n");
    }
  }

  private String summary(Report report) {
    Map<Severity, Integer> counts = report.countsBySeverity();
    int active = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder b = new StringBuilder(Texts.count(active, "finding", "findings")).append(" (");
    Severity[] all = Severity.values();
    for (int i = all.length - 1; i >= 0; i--) {
      Severity s = all[i];
      String part = counts.get(s) + " " + s.label();
      b.append(counts.get(s) > 0 ? colourSeverity(s, part) : part);
      b.append(i > 0 ? ", " : "), ");
    }
    b.append(report.suppressedCount()).append(" suppressed, ");
    b.append(Texts.count(report.scannedFiles().size(), "template", "templates")).append(" scanned, ");
    b.append(Texts.count(report.errors().size(), "error", "errors")).append(", in ");
    b.append(Texts.duration(report.duration()));
    return b.toString();
  }

  private String colourSeverity(Severity s, String text) {
    return style(ansi(s), text);
  }

  private String style(String code, String text) {
    return options.colour() ? code + text + RESET : text;
  }

  /** Bold red, red, yellow, cyan, dim: readable on light and dark backgrounds. */
  private static String ansi(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;31m";
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> DIM;
    };
  }

  /** Column widths so that severities, rule ids and messages line up across the report. */
  private record Columns(int line, int ruleId) {
    static Columns of(List<Finding> findings) {
      int line = "line ?".length();
      int ruleId = 0;
      for (Finding f : findings) {
        line = Math.max(line, ("line " + f.location().startLine()).length());
        ruleId = Math.max(ruleId, Texts.forTerminal(f.ruleId()).length());
      }
      return new Columns(line, ruleId);
    }

    int messageColumn() {
      return 4 + line + 2 + SEVERITY_WIDTH + 2 + ruleId + 2;
    }
  }
}
