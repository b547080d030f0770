package dev.bulwark.deps;

import dev.bulwark.core.Severity;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A component affected by one vulnerability. Advisories that name the same vulnerability (a GHSA,
 * its CVE, a PYSEC or GO record listing each other as aliases) make one match.
 *
 * @param component the affected component, with the file that declared it
 * @param ids every id of the vulnerability, the primary one first (a CVE when there is one, else a
 *     GHSA, else the advisory's own id), then the other advisories' ids, then the other aliases
 * @param summary one line describing the vulnerability
 * @param severity the highest severity among the merged advisories
 * @param severitySource where the severity comes from
 * @param cvss the CVSS score the severity comes from, when it comes from one
 * @param fixedVersion the lowest version above the component's that none of the advisories
 *     affects, or null when none is known
 * @param advisories the merged advisories, most informative first
 */
public record Match(
    Component component,
    List<String> ids,
    String summary,
    Severity severity,
    SeveritySource severitySource,
    @Nullable CvssScore cvss,
    @Nullable String fixedVersion,
    List<Advisory> advisories) {

  /** Where a match's severity comes from. */
  public enum SeveritySource {
    /** The highest CVSS v3/v4 base score of the advisories. */
    CVSS,
    /** A database's qualitative rating ({@code database_specific.severity}). */
    ADVISORY,
    /** No advisory rates it; {@link Severity#MEDIUM} is assumed. */
    DEFAULT
  }

  public Match {
    Objects.requireNonNull(component, "component");
    ids = List.copyOf(ids);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a match needs at least one advisory id");
    }
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(severitySource, "severitySource");
    advisories = List.copyOf(advisories);
  }

  /** The id shown first. */
  public String primaryId() {
    return ids.get(0);
  }
}
