package dev.bulwark.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one scan: findings (sorted by file, line, rule), errors, the files that were
 * scanned and the rules that ran. Immutable.
 *
 * @param tool name and version of the producer, e.g. {@code bulwark 0.1.0}
 * @param startedAt when the scan started
 * @param duration how long it took
 * @param findings every finding, suppressed ones included (marked)
 * @param errors inputs that could not be read or understood
 * @param scannedFiles files that were scanned (as displayed)
 * @param rules metadata of the rules that ran
 * @param notes facts about the scan itself that are not errors, for a human (advisory data age,
 *     a pillar that was skipped and why)
 */
public record Report(
    String tool,
    Instant startedAt,
    Duration duration,
    List<Finding> findings,
    List<ScanError> errors,
    List<String> scannedFiles,
    List<RuleMetadata> rules,
    List<String> notes) {

  /** File, then start line, then rule id, then resource id, then key. */
  public static final Comparator<Finding> ORDER = Report::compare;

  // written out rather than chained: a large scan sorts a hundred thousand findings
  private static int compare(Finding a, Finding b) {
    int c = a.location().file().compareTo(b.location().file());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.location().startLine(), b.location().startLine());
    if (c != 0) {
      return c;
    }
    c = a.ruleId().compareTo(b.ruleId());
    if (c != 0) {
      return c;
    }
    c = (a.resource() == null ? "" : a.resource().id())
        .compareTo(b.resource() == null ? "" : b.resource().id());
    return c != 0 ? c : a.key().compareTo(b.key());
  }

  public Report {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    findings = List.copyOf(sorted);
    List<ScanError> sortedErrors = new ArrayList<>(errors);
    sortedErrors.sort(Comparator.comparing(ScanError::file).thenComparingInt(ScanError::line));
    errors = List.copyOf(sortedErrors);
    scannedFiles = List.copyOf(scannedFiles);
    rules = List.copyOf(rules);
    notes = List.copyOf(notes);
  }

  /** A report without notes. */
  public Report(
      String tool,
      Instant startedAt,
      Duration duration,
      List<Finding> findings,
      List<ScanError> errors,
      List<String> scannedFiles,
      List<RuleMetadata> rules) {
    this(tool, startedAt, duration, findings, errors, scannedFiles, rules, List.of());
  }

  /** Findings that are not suppressed. */
  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  /** Count of unsuppressed findings per severity (every severity present, possibly 0). */
  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : findings) {
      if (!f.isSuppressed()) {
        counts.merge(f.severity(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** True when an unsuppressed finding is at or above {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream()
        .anyMatch(f -> !f.isSuppressed() && f.severity().isAtLeast(threshold));
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }
}
