/** Internal: not part of the public API; may change without notice. */
@NullMarked
package dev.bulwark.runtime.internal.config;

import org.jspecify.annotations.NullMarked;
