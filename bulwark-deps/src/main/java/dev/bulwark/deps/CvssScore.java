package dev.bulwark.deps;

import dev.bulwark.core.Severity;
import dev.bulwark.deps.internal.osv.Cvss;
import java.util.Objects;
import java.util.Optional;

/**
 * A CVSS base score computed from a vector.
 *
 * <pre>{@code
 * CvssScore s = CvssScore.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").orElseThrow();
 * assert s.score() == 9.8 && s.severity() == Severity.CRITICAL;
 * }</pre>
 *
 * @param vector the vector, as given
 * @param version {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param score the base score, 0.0 to 10.0, one decimal
 */
public record CvssScore(String vector, String version, double score) {

  public CvssScore {
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(version, "version");
    if (!(score >= 0.0 && score <= 10.0)) {
      throw new IllegalArgumentException("CVSS score out of range: " + score);
    }
  }

  /**
   * The score of a CVSS v3.0, v3.1 or v4.0 vector; empty for other or malformed vectors.
   */
  public static Optional<CvssScore> of(String vector) {
    return Optional.ofNullable(Cvss.score(vector));
  }

  /**
   * The qualitative rating of the score (CVSS: 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high,
   * 9.0–10.0 critical; 0.0 "none" is {@link Severity#INFO}).
   */
  public Severity severity() {
    if (score >= 9.0) {
      return Severity.CRITICAL;
    }
    if (score >= 7.0) {
      return Severity.HIGH;
    }
    if (score >= 4.0) {
      return Severity.MEDIUM;
    }
    return score > 0.0 ? Severity.LOW : Severity.INFO;
  }

  /** {@code 9.8 (CVSS:3.1/AV:N/…)}. */
  @Override
  public String toString() {
    return score + " (" + vector + ")";
  }
}
