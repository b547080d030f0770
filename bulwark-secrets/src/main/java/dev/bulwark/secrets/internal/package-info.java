/**
 * Implementation of the secret scanner: the literal prefilter, the chunked byte scanner, one
 * detector per token family, allowances, inline suppressions, and the folder and archive walkers.
 */
@NullMarked
package dev.bulwark.secrets.internal;

import org.jspecify.annotations.NullMarked;
