package dev.bulwark.runtime.detect;

import java.util.Objects;

/**
 * One attack found in one input. Built-in detectors report at most one per attack class and
 * input; {@link Confidence} explains the scale.
 *
 * @param attackClass what kind of attack
 * @param rule the detector's rule name ({@code sqli.tautology}, {@code ssrf.metadata-endpoint})
 * @param confidence between 0 and 1
 * @param location the input's location
 * @param excerpt a short, redacted excerpt of the offending text (at most 64 characters)
 */
public record Detection(
    AttackClass attackClass, String rule, double confidence, String location, String excerpt) {

  /** Validates the components; {@code confidence} must lie within [0, 1]. */
  public Detection {
    Objects.requireNonNull(attackClass, "attackClass");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(excerpt, "excerpt");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence " + confidence + " is not within [0, 1]");
    }
  }
}
