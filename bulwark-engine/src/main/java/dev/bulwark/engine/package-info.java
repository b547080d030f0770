/**
 * Orchestration of a scan: find inputs, read them with the adapters, run the rules on each model,
 * apply suppressions (resource metadata, inline comments) and the baseline, and return a {@link
 * dev.bulwark.core.Report}. The CLI is the only caller that maps outcomes to exit codes.
 *
 * <pre>{@code
 * Report report = new Scanner().scan(ScanRequest.builder().path(Path.of("template.yaml")).build());
 * }</pre>
 */
@NullMarked
package dev.bulwark.engine;

import org.jspecify.annotations.NullMarked;
