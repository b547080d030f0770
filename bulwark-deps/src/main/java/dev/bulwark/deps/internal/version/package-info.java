/**
 * Version semantics of each ecosystem: parsing, validity and ordering, one {@link
 * dev.bulwark.deps.internal.version.VersionScheme} per ecosystem (Maven, npm SemVer, PEP 440, Go).
 * Every parser here is hand-written and linear in the length of its input: versions come from
 * untrusted lockfiles and advisories.
 */
@NullMarked
package dev.bulwark.deps.internal.version;

import org.jspecify.annotations.NullMarked;
