package dev.bulwark.report.internal;

import dev.bulwark.core.Report;
import dev.bulwark.report.ReportOptions;
import org.jspecify.annotations.Nullable;

/**
 * Name and version of the tool that produced a report, from {@link Report#tool()} ({@code
 * "bulwark 0.1.0"}) unless the options give the version.
 */
record ToolInfo(String name, @Nullable String version) {

  static ToolInfo of(Report report, ReportOptions options) {
    String tool = report.tool().trim();
    int space = tool.indexOf(' ');
    String name = space < 0 ? tool : tool.substring(0, space);
    String version = space < 0 ? "" : tool.substring(space + 1).trim();
    if (options.toolVersion() != null) {
      version = options.toolVersion();
    }
    return new ToolInfo(
        name.isEmpty() ? "bulwark" : name, version.isEmpty() ? null : version);
  }
}
