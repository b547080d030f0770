package dev.bulwark.deps.internal.version;

import org.jspecify.annotations.Nullable;

/**
 * The version rules of one ecosystem: how a version string is read and how two versions compare.
 * Implementations are stateless and thread-safe.
 */
public interface VersionScheme {

  /** Short name for messages ({@code Maven}, {@code SemVer}, {@code PEP 440}, {@code Go}). */
  String name();

  /** The parsed version, or {@code null} when {@code text} is not a version of this scheme. */
  @Nullable SchemeVersion tryParse(String text);

  /**
   * The parsed version.
   *
   * @throws InvalidVersionException naming the text and the scheme
   */
  default SchemeVersion parse(String text) {
    SchemeVersion v = tryParse(text);
    if (v == null) {
      throw new InvalidVersionException(text, name());
    }
    return v;
  }

  /** True when {@code text} is a valid version of this scheme. */
  default boolean isValid(String text) {
    return tryParse(text) != null;
  }

  /**
   * Compares two versions of this scheme.
   *
   * @throws InvalidVersionException when either is not a version of this scheme
   */
  default int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }
}
