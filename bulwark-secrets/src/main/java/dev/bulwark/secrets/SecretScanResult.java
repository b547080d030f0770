package dev.bulwark.secrets;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import java.util.List;

/**
 * What one call of {@link SecretScanner} found. Findings are sorted by file, line and rule;
 * suppressed ones (inline {@code bulwark:ignore} with a reason) are included and marked.
 *
 * @param findings the secrets found, never with the full value in any field
 * @param errors inputs that could not be read or were cut short by a limit; the rest was scanned
 * @param filesScanned text files (and archive entries) scanned
 * @param bytesScanned bytes of text scanned
 * @param binarySkipped files (and archive entries) skipped because they are binary
 */
public record SecretScanResult(
    List<Finding> findings,
    List<ScanError> errors,
    int filesScanned,
    long bytesScanned,
    int binarySkipped) {

  public SecretScanResult {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
  }

  /** Findings that are not suppressed. */
  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }
}
