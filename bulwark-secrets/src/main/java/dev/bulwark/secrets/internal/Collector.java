package dev.bulwark.secrets.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.secrets.SecretScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers what one call of the scanner produced. Not thread-safe: one per call. */
final class Collector {

  final List<Finding> findings = new ArrayList<>();
  final List<ScanError> errors = new ArrayList<>();
  int files;
  long bytes;
  int binary;

  /** The work buffer shared by every text of this call, allocated on first use. */
  private byte[] buffer;

  byte[] buffer() {
    if (buffer == null) {
      buffer = new byte[TextScanner.BUFFER];
    }
    return buffer;
  }

  void error(String file, ScanError.Kind kind, String message) {
    errors.add(new ScanError(file, 0, kind, message));
  }

  /** Adds the outcome of one text and the errors it implies. */
  void add(String display, TextScanner.Result r, long maxBytes) {
    switch (r.outcome()) {
      case BINARY:
        binary++;
        return;
      case TRUNCATED:
        error(display, ScanError.Kind.LIMIT, "larger than " + Sizes.format(maxBytes)
            + "; only the first " + Sizes.format(maxBytes) + " were scanned for secrets");
        break;
      default:
        break;
    }
    files++;
    bytes += r.bytes();
    findings.addAll(r.findings());
    if (r.contextBudgetExhausted()) {
      error(display, ScanError.Kind.LIMIT, "so many anchors that context checks were cut short"
          + " (generated or hostile content?); some secrets may be missed");
    }
    if (r.tooManyFindings()) {
      error(display, ScanError.Kind.LIMIT, "more than " + Scan.MAX_CANDIDATES
          + " possible secrets; the rest of the file was not reported (generated data?)");
    }
  }

  SecretScanResult result() {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Report.ORDER);
    List<ScanError> sortedErrors = new ArrayList<>(errors);
    sortedErrors.sort(Comparator.comparing(ScanError::file).thenComparingInt(ScanError::line));
    return new SecretScanResult(sorted, sortedErrors, files, bytes, binary);
  }
}
