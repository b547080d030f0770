/**
 * The shared vocabulary of every Bulwark pillar: {@link dev.bulwark.core.Finding}, {@link
 * dev.bulwark.core.Severity}, {@link dev.bulwark.core.SourceLocation}, {@link
 * dev.bulwark.core.RuleMetadata}, {@link dev.bulwark.core.ScanError} and {@link
 * dev.bulwark.core.Report}. No third-party runtime dependencies.
 */
@NullMarked
package dev.bulwark.core;

import org.jspecify.annotations.NullMarked;
