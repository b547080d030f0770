package dev.bulwark.deps.internal.match;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Ecosystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Advisories by (ecosystem, normalised package name), with ranges compiled once, so that matching
 * a package is a map lookup and a few comparisons. Withdrawn advisories are counted and left out.
 * Event versions that cannot be read make their range unusable and are reported, one error per
 * advisory.
 */
public final class AdvisoryIndex {

  private final Map<Ecosystem, Map<String, List<IndexedAffected>>> byName;
  private final int advisories;
  private final int withdrawn;
  private final List<ScanError> errors;
  private final Optional<Instant> newestModified;

  private AdvisoryIndex(
      Map<Ecosystem, Map<String, List<IndexedAffected>>> byName,
      int advisories,
      int withdrawn,
      List<ScanError> errors,
      Optional<Instant> newestModified) {
    this.byName = byName;
    this.advisories = advisories;
    this.withdrawn = withdrawn;
    this.errors = errors;
    this.newestModified = newestModified;
  }

  public static AdvisoryIndex build(Collection<Advisory> all) {
    Map<Ecosystem, Map<String, List<IndexedAffected>>> byName = new EnumMap<>(Ecosystem.class);
    List<ScanError> errors = new ArrayList<>();
    int indexed = 0;
    int withdrawn = 0;
    Instant newest = null;
    for (Advisory a : all) {
      if (newest == null || a.modified().isAfter(newest)) {
        newest = a.modified();
      }
      if (a.isWithdrawn()) {
        withdrawn++;
        continue;
      }
      if (a.affected().isEmpty()) {
        continue;
      }
      indexed++;
      List<String> problems = new ArrayList<>();
      for (Advisory.Affected af : a.affected()) {
        IndexedAffected entry = IndexedAffected.compile(a, af, problems);
        byName
            .computeIfAbsent(af.ecosystem(), e -> new HashMap<>())
            .computeIfAbsent(PackageNames.normalise(af.ecosystem(), af.name()), n -> new ArrayList<>(2))
            .add(entry);
      }
      if (!problems.isEmpty()) {
        errors.add(new ScanError(a.source(), 0, ScanError.Kind.INVALID, a.id() + ": '"
            + abbreviate(problems.get(0)) + "'"
            + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : "")
            + " not valid in the version scheme of the range; the ranges concerned are ignored"));
      }
    }
    return new AdvisoryIndex(byName, indexed, withdrawn, List.copyOf(errors),
        Optional.ofNullable(newest));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** The affected entries of a package (name in any spelling its ecosystem treats as equal). */
  public List<IndexedAffected> lookup(Ecosystem ecosystem, String name) {
    Map<String, List<IndexedAffected>> m = byName.get(ecosystem);
    if (m == null) {
      return List.of();
    }
    List<IndexedAffected> l = m.get(PackageNames.normalise(ecosystem, name));
    return l == null ? List.of() : l;
  }

  /** Advisories indexed (not withdrawn, with at least one supported affected package). */
  public int advisoryCount() {
    return advisories;
  }

  public int withdrawnCount() {
    return withdrawn;
  }

  /** Packages with at least one advisory, per ecosystem. */
  public Map<Ecosystem, Integer> packageCounts() {
    Map<Ecosystem, Integer> out = new EnumMap<>(Ecosystem.class);
    byName.forEach((e, m) -> out.put(e, m.size()));
    return out;
  }

  public List<ScanError> errors() {
    return errors;
  }

  public Optional<Instant> newestModified() {
    return newestModified;
  }
}
