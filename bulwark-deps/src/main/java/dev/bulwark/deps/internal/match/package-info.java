/**
 * Matching: the index of advisories by ecosystem and normalised package name with pre-parsed
 * ranges, the OSV range evaluation, alias merging and the choice of the fixed version to suggest.
 */
@NullMarked
package dev.bulwark.deps.internal.match;

import org.jspecify.annotations.NullMarked;
