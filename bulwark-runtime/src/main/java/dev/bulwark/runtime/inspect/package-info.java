/**
 * {@link dev.bulwark.runtime.inspect.Inspector}: decoding and detection on recorded events, for
 * {@code bulwark inspect}.
 */
@NullMarked
package dev.bulwark.runtime.inspect;

import org.jspecify.annotations.NullMarked;
