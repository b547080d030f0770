/**
 * Built artifacts: Lambda zips, jars, fat and shaded jars, nested archives. Archives are streamed
 * entry by entry, never extracted to disk; every inflated byte passes the limits (entry count,
 * total size, per-entry compression ratio, nesting depth), and entries whose names escape the
 * archive are refused.
 */
@NullMarked
package dev.bulwark.deps.internal.artifacts;

import org.jspecify.annotations.NullMarked;
