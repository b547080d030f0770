package dev.bulwark.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a finding is suppressed.
 *
 * @param kind where the suppression was declared
 * @param reason the reason given (never blank for a valid suppression)
 * @param location where it was declared, when known
 */
public record Suppression(Kind kind, String reason, @Nullable SourceLocation location) {

  /** Where a suppression comes from. */
  public enum Kind {
    /** A {@code # bulwark:ignore ID reason} comment on or above the line. */
    INLINE,
    /** {@code Metadata: bulwark: ignore:} on the resource. */
    METADATA,
    /** The finding was already in the baseline file. */
    BASELINE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Suppression {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
