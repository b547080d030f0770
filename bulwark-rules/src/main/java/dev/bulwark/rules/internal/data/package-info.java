/**
 * Helpers shared by the API, trigger and data rules: who a resource policy lets in, and where a
 * finding points.
 */
@NullMarked
package dev.bulwark.rules.internal.data;

import org.jspecify.annotations.NullMarked;
