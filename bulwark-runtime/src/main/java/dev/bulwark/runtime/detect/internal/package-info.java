/**
 * Implementation of the built-in detectors: the shared preparation of an input ({@link
 * dev.bulwark.runtime.detect.internal.Subject}), one analyser per attack class, and the lexers and
 * parsers they use. Not an API: only {@link dev.bulwark.runtime.detect} is.
 */
@NullMarked
package dev.bulwark.runtime.detect.internal;

import org.jspecify.annotations.NullMarked;
