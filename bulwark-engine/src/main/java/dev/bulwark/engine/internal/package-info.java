/** Engine internals: input discovery and suppression handling. */
@NullMarked
package dev.bulwark.engine.internal;

import org.jspecify.annotations.NullMarked;
