/** Internal: not part of the public API; may change without notice. */
@NullMarked
package dev.bulwark.runtime.internal.limit;

import org.jspecify.annotations.NullMarked;
