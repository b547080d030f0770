package dev.bulwark.report;

import dev.bulwark.report.internal.JsonReporter;
import dev.bulwark.report.internal.JunitReporter;
import dev.bulwark.report.internal.SarifReporter;
import dev.bulwark.report.internal.TextReporter;

/**
 * The reporters, one per {@link ReportFormat}.
 *
 * <pre>{@code
 * Reporter json = Reporters.of(ReportFormat.JSON, ReportOptions.defaults());
 * }</pre>
 */
public final class Reporters {

  private Reporters() {}

  /** A reporter for {@code format}, configured by {@code options}. */
  public static Reporter of(ReportFormat format, ReportOptions options) {
    return switch (format) {
      case TEXT -> new TextReporter(options);
      case JSON -> new JsonReporter(options);
      case SARIF -> new SarifReporter(options);
      case JUNIT -> new JunitReporter(options);
    };
  }
}
