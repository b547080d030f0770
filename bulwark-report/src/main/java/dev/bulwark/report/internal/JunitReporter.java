package dev.bulwark.report.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Suppression;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.ReportOptions;
import dev.bulwark.report.Reporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML in the common Ant/Surefire dialect that Jenkins, GitLab, Azure DevOps and the JUnit
 * report actions read.
 *
 * <p>One {@code testsuite} per file, because a file is what a developer opens and fixes, the way
 * a test class is: suites named by file keep a CI's test view ordered like the repository, and a
 * suite's test cases stay stable when rules are added. Each finding is a {@code testcase} named
 * {@code <rule> <resource>} (no line number, so CI test history follows it across edits): a
 * {@code failure} when active, {@code skipped} when suppressed. Each scan error is a test case
 * with an {@code error}. A scanned file with neither gets one passing {@code no findings} case,
 * so the view shows what was checked.
 */
public final class JunitReporter implements Reporter {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final ReportOptions options;

  public JunitReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.JUNIT;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    TreeMap<String, Suite> suites = new TreeMap<>();
    for (String file : report.scannedFiles()) {
      suites.computeIfAbsent(file, k -> new Suite());
    }
    for (Finding f : report.findings()) {
      suites.computeIfAbsent(f.location().file(), k -> new Suite()).findings.add(f);
    }
    for (ScanError e : report.errors()) {
      suites.computeIfAbsent(e.file(), k -> new Suite()).errors.add(e);
    }
    long tests = 0;
    for (Suite s : suites.values()) {
      tests += s.tests();
    }
    long suppressed = report.suppressedCount();
    long failures = report.findings().size() - suppressed;
    String timestamp =
        TIMESTAMP.format(
            LocalDateTime.ofInstant(
                report.startedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));

    BufferedWriter w = new BufferedWriter(out);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.write("<testsuites name=\"" + Xml.attribute(ToolInfo.of(report, options).name())
        + "\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\""
        + report.errors().size() + "\" skipped=\"" + suppressed + "\" time=\""
        + seconds(report) + "\">\n");
    for (Map.Entry<String, Suite> e : suites.entrySet()) {
      writeSuite(w, e.getKey(), e.getValue(), timestamp);
    }
    w.write("</testsuites>\n");
    w.flush();
  }

  private static void writeSuite(BufferedWriter w, String file, Suite suite, String timestamp)
      throws IOException {
    String name = Xml.attribute(file.isEmpty() ? "(no file)" : file);
    long skipped = suite.findings.stream().filter(Finding::isSuppressed).count();
    w.write("  <testsuite name=\"" + name + "\" tests=\"" + suite.tests() + "\" failures=\""
        + (suite.findings.size() - skipped) + "\" errors=\"" + suite.errors.size()
        + "\" skipped=\"" + skipped + "\" timestamp=\"" + timestamp + "\">\n");
    if (suite.findings.isEmpty() && suite.errors.isEmpty()) {
      w.write("    <testcase classname=\"" + name + "\" name=\"no findings\"/>\n");
    }
    for (Finding f : suite.findings) {
      writeFinding(w, name, f);
    }
    for (ScanError e : suite.errors) {
      String testName = e.line() > 0 ? "scan error at line " + e.line() : "scan error";
      w.write("    <testcase classname=\"" + name + "\" name=\"" + testName + "\">\n");
      w.write("      <error message=\"" + Xml.attribute(e.message()) + "\" type=\""
          + e.kind().label() + "\">" + Xml.text(e.toString()) + "</error>\n");
      w.write("    </testcase>\n");
    }
    w.write("  </testsuite>\n");
  }

  private static void writeFinding(BufferedWriter w, String classname, Finding f)
      throws IOException {
    ResourceRef r = f.resource();
    StringBuilder name = new StringBuilder(f.ruleId());
    if (r != null) {
      name.append(' ').append(r.id());
    }
    if (!f.key().isEmpty()) {
      name.append(" [").append(f.key()).append(']');
    }
    if (r == null && f.location().hasLine()) {
      name.append(" at line ").append(f.location().startLine());
    }
    w.write("    <testcase classname=\"" + classname + "\" name=\""
        + Xml.attribute(name.toString()) + "\">\n");
    Suppression s = f.suppression();
    if (s != null) {
      w.write("      <skipped message=\""
          + Xml.attribute("suppressed (" + s.kind().label() + "): " + s.reason()) + "\"/>\n");
    } else {
      StringBuilder body = new StringBuilder();
      body.append(f.severity().name()).append(' ').append(f.ruleId()).append(": ")
          .append(f.title()).append('\n');
      body.append("at ").append(f.location().file().isEmpty() ? "(no file)" : f.location())
          .append('\n');
      if (r != null) {
        body.append("resource ").append(r.id()).append(" (").append(r.type()).append(")\n");
      }
      body.append(f.message()).append('\n');
      body.append("Remediation: ").append(f.remediation()).append('\n');
      body.append("Fingerprint: ").append(f.fingerprint());
      w.write("      <failure message=\"" + Xml.attribute(f.message()) + "\" type=\""
          + f.severity().label() + "\">" + Xml.text(body.toString()) + "</failure>\n");
    }
    w.write("    </testcase>\n");
  }

  private static String seconds(Report report) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0, report.duration().toMillis()) / 1000.0);
  }

  /** The findings and errors of one file. */
  private static final class Suite {
    final List<Finding> findings = new ArrayList<>();
    final List<ScanError> errors = new ArrayList<>();

    /** A file with neither findings nor errors has one passing test case. */
    long tests() {
      return Math.max(1, findings.size() + errors.size());
    }
  }
}
