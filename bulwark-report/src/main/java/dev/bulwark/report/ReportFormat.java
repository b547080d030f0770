package dev.bulwark.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of a scan report. */
public enum ReportFormat {
  /** Human-readable, grouped by file and resource, optionally coloured. */
  TEXT("txt"),
  /** Bulwark's own JSON document; schema in {@code docs/json-report.md}. */
  JSON("json"),
  /** SARIF 2.1.0, for GitHub code scanning and other SARIF consumers. */
  SARIF("sarif"),
  /** JUnit XML, for CI systems that display test reports. */
  JUNIT("xml");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** Lower-case name, as accepted by {@link #parse} and shown on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The usual file name extension, without the dot: {@code txt}, {@code json}, … */
  public String fileExtension() {
    return extension;
  }

  /**
   * Parses a format name, case-insensitively and ignoring surrounding blanks.
   *
   * <pre>{@code
   * ReportFormat f = ReportFormat.parse("SARIF"); // ReportFormat.SARIF
   * }</pre>
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static ReportFormat parse(String text) {
    String wanted = text.trim();
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown report format '" + text + "' (expected one of " + acceptedNames() + ")");
  }

  /** The accepted names, comma-separated: {@code text, json, sarif, junit}. */
  public static String acceptedNames() {
    return Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(", "));
  }
}
