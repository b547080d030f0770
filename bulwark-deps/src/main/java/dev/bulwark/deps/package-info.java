/**
 * Dependency scanning: what each function ships ({@link dev.bulwark.deps.Component}s read from
 * lockfiles, manifests and built artifacts), SBOMs, and known vulnerabilities matched with each
 * ecosystem's own version rules.
 *
 * <p>Three things stay apart: parsers (pure, one per format), detection (which file goes to which
 * parser) and matching (components + advisories → findings).
 */
@NullMarked
package dev.bulwark.deps;

import org.jspecify.annotations.NullMarked;
