/**
 * Writes a scan {@link dev.bulwark.core.Report} as text for a terminal, JSON for scripts, SARIF
 * 2.1.0 for code-scanning services and JUnit XML for CI test views.
 *
 * <pre>{@code
 * Reporter reporter = Reporters.of(ReportFormat.parse("sarif"), ReportOptions.defaults());
 * reporter.write(report, Path.of("bulwark.sarif"));
 * }</pre>
 *
 * <p>Every reporter is deterministic: the same report and options give the same bytes.
 */
@NullMarked
package dev.bulwark.report;

import org.jspecify.annotations.NullMarked;
