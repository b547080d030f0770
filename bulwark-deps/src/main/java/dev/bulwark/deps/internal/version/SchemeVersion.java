package dev.bulwark.deps.internal.version;

/**
 * A parsed version. Versions compare only with versions of the same {@link VersionScheme};
 * {@link #equals} and {@link #hashCode} agree with {@link #compareTo}, so equal versions spelled
 * differently ({@code 1.0} and {@code 1.0.0} in PEP 440) are equal.
 */
public interface SchemeVersion extends Comparable<SchemeVersion> {

  /** The text this version was parsed from. */
  String text();
}
