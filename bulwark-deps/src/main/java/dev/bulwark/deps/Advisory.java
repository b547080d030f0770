package dev.bulwark.deps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One vulnerability advisory in OSV form, reduced to what matching and reporting need (no
 * references, credits or long details).
 *
 * <pre>{@code
 * Advisory a = new Advisory(
 *     "GHSA-aaaa-bbbb-cccc", List.of("CVE-2024-0001"), Instant.parse("2024-05-01T00:00:00Z"),
 *     null, "Path traversal in example-lib",
 *     List.of(new Advisory.Score("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")),
 *     "HIGH",
 *     List.of(new Advisory.Affected(Ecosystem.NPM, "example-lib",
 *         List.of(new Advisory.Range(Advisory.RangeType.SEMVER, List.of(
 *             new Advisory.Event(Advisory.EventKind.INTRODUCED, "0"),
 *             new Advisory.Event(Advisory.EventKind.FIXED, "2.4.1")))),
 *         List.of(), List.of())),
 *     "advisories/GHSA-aaaa-bbbb-cccc.json");
 * }</pre>
 *
 * @param id the OSV id ({@code GHSA-…}, {@code PYSEC-…}, {@code GO-…})
 * @param aliases other ids of the same vulnerability ({@code CVE-…})
 * @param modified when the advisory last changed ({@link Instant#EPOCH} when unknown)
 * @param withdrawn when the advisory was withdrawn, or null; withdrawn advisories never match
 * @param summary one line: the advisory's summary, or the first sentence of its details
 * @param severity severity scores of the whole advisory ({@code CVSS_V3}, {@code CVSS_V4} vectors)
 * @param qualitativeSeverity a database's own rating ({@code database_specific.severity}, e.g.
 *     GitHub's {@code LOW}/{@code MODERATE}/{@code HIGH}/{@code CRITICAL}), or null
 * @param affected the affected packages of the supported ecosystems (others are left out)
 * @param source the file (or {@code archive.zip!/entry}) the advisory was read from
 */
public record Advisory(
    String id,
    List<String> aliases,
    Instant modified,
    @Nullable Instant withdrawn,
    String summary,
    List<Score> severity,
    @Nullable String qualitativeSeverity,
    List<Affected> affected,
    String source) {

  public Advisory {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(summary, "summary");
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
    Objects.requireNonNull(source, "source");
  }

  public boolean isWithdrawn() {
    return withdrawn != null;
  }

  /** The id followed by the aliases. */
  public List<String> ids() {
    List<String> out = new ArrayList<>(aliases.size() + 1);
    out.add(id);
    for (String a : aliases) {
      if (!out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * One package an advisory affects.
   *
   * @param ecosystem the package's ecosystem
   * @param name the package name as the advisory spells it
   * @param ranges affected version ranges
   * @param versions affected versions listed one by one
   * @param severity severity scores given for this package only
   */
  public record Affected(
      Ecosystem ecosystem,
      String name,
      List<Range> ranges,
      List<String> versions,
      List<Score> severity) {
    public Affected {
      Objects.requireNonNull(ecosystem, "ecosystem");
      Objects.requireNonNull(name, "name");
      ranges = List.copyOf(ranges);
      versions = List.copyOf(versions);
      severity = List.copyOf(severity);
    }
  }

  /** OSV range types. {@code GIT} ranges name commits and cannot be judged from a version. */
  public enum RangeType {
    SEMVER,
    ECOSYSTEM,
    GIT
  }

  /**
   * A range of affected versions: events in any order, evaluated as the OSV schema defines.
   *
   * @param type how the versions of the events compare
   * @param events introduced/fixed/last_affected/limit events
   */
  public record Range(RangeType type, List<Event> events) {
    public Range {
      Objects.requireNonNull(type, "type");
      events = List.copyOf(events);
    }
  }

  /** The kinds of OSV range events. */
  public enum EventKind {
    /** The first affected version ({@code 0}: before every version). */
    INTRODUCED,
    /** The first version that is no longer affected. */
    FIXED,
    /** The last affected version (inclusive), when no fix is known. */
    LAST_AFFECTED,
    /** An upper limit on the range: versions at or above it are not affected. */
    LIMIT
  }

  /**
   * One range event.
   *
   * @param kind what happens at this version
   * @param version the version, as the advisory writes it
   */
  public record Event(EventKind kind, String version) {
    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
    }
  }

  /**
   * A severity score as OSV gives it.
   *
   * @param type {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4} or another scoring system
   * @param score the vector string
   */
  public record Score(String type, String score) {
    public Score {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(score, "score");
    }
  }
}
