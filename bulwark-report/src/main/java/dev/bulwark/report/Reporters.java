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

  /**
   * Class-path resource of the JSON Schema (draft 2020-12) of the {@link ReportFormat#JSON}
   * report, for tools that validate it: {@code
   * Reporters.class.getResourceAsStream(Reporters.JSON_SCHEMA_RESOURCE)}.
   */
  public static final String JSON_SCHEMA_RESOURCE =
      "/dev/bulwark/report/bulwark-report.schema.json";

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
