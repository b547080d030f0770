package dev.bulwark.deps.internal.match;

import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.internal.version.SchemeVersion;
import dev.bulwark.deps.internal.version.VersionScheme;
import dev.bulwark.deps.internal.version.VersionSchemes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One affected package of one advisory, ready to judge versions: ranges compiled, versions parsed. */
public final class IndexedAffected {

  private final Advisory advisory;
  private final Advisory.Affected affected;
  private final List<CompiledRange> ranges;
  private final VersionScheme ecosystemScheme;
  /** The listed versions, parsed on first use: most packages are never looked up in a scan. */
  private volatile @Nullable Set<SchemeVersion> versions;

  private IndexedAffected(
      Advisory advisory, Advisory.Affected affected, List<CompiledRange> ranges) {
    this.advisory = advisory;
    this.affected = affected;
    this.ranges = ranges;
    this.ecosystemScheme = VersionSchemes.of(affected.ecosystem());
    this.versions = affected.versions().isEmpty() ? Set.of() : null;
  }

  /**
   * Compiles the ranges of an affected package. {@code GIT} ranges are left out: a commit range
   * cannot be judged from a version. Listed versions that are not versions of the ecosystem are
   * skipped when they are first needed.
   *
   * @param problems receives the event versions that are not versions of the range's scheme
   */
  static IndexedAffected compile(
      Advisory advisory, Advisory.Affected affected, List<String> problems) {
    List<CompiledRange> ranges = new ArrayList<>();
    for (Advisory.Range r : affected.ranges()) {
      if (r.type() == Advisory.RangeType.GIT) {
        continue;
      }
      CompiledRange c =
          CompiledRange.compile(schemeFor(affected.ecosystem(), r.type()), r.events(), problems);
      if (c != null) {
        ranges.add(c);
      }
    }
    return new IndexedAffected(advisory, affected, List.copyOf(ranges));
  }

  private Set<SchemeVersion> versions() {
    Set<SchemeVersion> v = versions;
    if (v == null) {
      Set<SchemeVersion> parsed = new HashSet<>();
      for (String text : affected.versions()) {
        SchemeVersion p = ecosystemScheme.tryParse(text);
        if (p != null) {
          parsed.add(p);
        }
      }
      v = Set.copyOf(parsed);
      versions = v;
    }
    return v;
  }

  /**
   * The scheme of a range: the ecosystem's own for {@code ECOSYSTEM} ranges, SemVer for {@code
   * SEMVER} ranges (Go's own SemVer for Go, which reads Go's version spellings).
   */
  static VersionScheme schemeFor(Ecosystem ecosystem, Advisory.RangeType type) {
    if (type == Advisory.RangeType.SEMVER && ecosystem != Ecosystem.GO) {
      return VersionSchemes.semver();
    }
    return VersionSchemes.of(ecosystem);
  }

  public Advisory advisory() {
    return advisory;
  }

  public Advisory.Affected affected() {
    return affected;
  }

  /**
   * True when the version is affected: in one of the ranges or among the listed versions.
   *
   * @param text the version as written
   * @param parsed the version parsed with the ecosystem's scheme
   */
  public boolean affects(String text, SchemeVersion parsed) {
    for (CompiledRange r : ranges) {
      SchemeVersion v = r.scheme == ecosystemScheme ? parsed : r.scheme.tryParse(text);
      if (v != null && r.affects(v)) {
        return true;
      }
    }
    return versions().contains(parsed);
  }

  /** The {@code fixed} versions of every range, as written. */
  public List<String> fixedVersions() {
    List<String> out = new ArrayList<>();
    for (CompiledRange r : ranges) {
      out.addAll(r.fixedVersions());
    }
    return out;
  }
}
