/** Helpers shared by the data rules: who a resource policy lets in. */
@NullMarked
package dev.bulwark.rules.internal.access;

import org.jspecify.annotations.NullMarked;
