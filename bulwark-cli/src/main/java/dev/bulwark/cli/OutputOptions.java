package dev.bulwark.cli;

import dev.bulwark.core.Report;
import dev.bulwark.report.ReportFormat;
import dev.bulwark.report.ReportOptions;
import dev.bulwark.report.Reporter;
import dev.bulwark.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by commands that print a report: format, output file, colour. */
public final class OutputOptions {

  /** When to colour text output. */
  public enum Colour {
    auto,
    always,
    never
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      description = "Report format: text, json, sarif, junit (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "Write the report to this file instead of standard output.")
  @Nullable Path output;

  @Option(
      names = "--color",
      paramLabel = "<when>",
      description =
          "Colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto colours"
              + " a terminal unless NO_COLOR is set).",
      defaultValue = "auto")
  Colour colour;

  @Option(
      names = "--show-suppressed",
      description = "List suppressed findings in text output too (JSON and SARIF always do).")
  boolean showSuppressed;

  /** The chosen format; a bad name is a usage error naming the accepted ones. */
  ReportFormat format() {
    try {
      return ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--format: " + e.getMessage());
    }
  }

  /** Renders the report to the output file or the command's standard output. */
  void write(Report report, CommandLine cl) throws IOException {
    ReportFormat f = format();
    boolean toTerminal = output == null && System.console() != null;
    boolean colourOn =
        colour == Colour.always
            || (colour == Colour.auto && toTerminal && System.getenv("NO_COLOR") == null);
    ReportOptions options =
        ReportOptions.builder()
            .colour(colourOn && f == ReportFormat.TEXT)
            .includeSuppressed(showSuppressed)
            .sourceRoot(Path.of("").toAbsolutePath())
            .rules(RulesCommand.all())
            .build();
    Reporter reporter = Reporters.of(f, options);
    if (output == null) {
      PrintWriter out = cl.getOut();
      reporter.write(report, out);
      out.flush();
    } else {
      reporter.write(report, output);
      cl.getErr().printf("bulwark: wrote the %s report to %s (%d findings, %d errors)%n",
          f.label(), output, report.activeFindings().size(), report.errors().size());
    }
  }
}
