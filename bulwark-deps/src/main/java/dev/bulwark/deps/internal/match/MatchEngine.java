package dev.bulwark.deps.internal.match;

import dev.bulwark.core.Severity;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.CvssScore;
import dev.bulwark.deps.Match;
import dev.bulwark.deps.MatchResult;
import dev.bulwark.deps.internal.osv.Cvss;
import dev.bulwark.deps.internal.version.SchemeVersion;
import dev.bulwark.deps.internal.version.VersionScheme;
import dev.bulwark.deps.internal.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Components → matches: only exact or pinned versions are judged, with their ecosystem's rules;
 * advisories that name each other (id or alias in common) merge into one match; the suggested fix
 * is the lowest fixed version above the component's that none of the merged advisories affects.
 */
public final class MatchEngine {

  private final AdvisoryIndex index;

  public MatchEngine(AdvisoryIndex index) {
    this.index = index;
  }

  public MatchResult match(Collection<Component> components) {
    List<Match> matches = new ArrayList<>();
    List<MatchResult.Unchecked> unchecked = new ArrayList<>();
    for (Component c : components) {
      matches.addAll(match(c, unchecked));
    }
    return new MatchResult(matches, unchecked);
  }

  /** The matches of one component; a component that cannot be judged is added to {@code unchecked}. */
  public List<Match> match(Component c, List<MatchResult.Unchecked> unchecked) {
    List<IndexedAffected> entries = index.lookup(c.ecosystem(), c.name());
    if (entries.isEmpty()) {
      return List.of();
    }
    if (c.versionKind() == Component.VersionKind.DECLARED_RANGE) {
      unchecked.add(new MatchResult.Unchecked(c, "declared range '" + c.version()
          + "', not a resolved version: lock or pin it to check it against advisories"));
      return List.of();
    }
    VersionScheme scheme = VersionSchemes.of(c.ecosystem());
    SchemeVersion v = scheme.isValid(c.version()) ? scheme.tryParse(c.version()) : null;
    if (v == null) {
      unchecked.add(new MatchResult.Unchecked(c, "'" + c.version() + "' is not a valid "
          + scheme.name() + " version"));
      return List.of();
    }
    Map<String, Advisory> affecting = new LinkedHashMap<>();
    for (IndexedAffected e : entries) {
      if (!affecting.containsKey(e.advisory().id()) && e.affects(c.version(), v)) {
        affecting.put(e.advisory().id(), e.advisory());
      }
    }
    if (affecting.isEmpty()) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    for (List<Advisory> group : aliasGroups(affecting.values())) {
      out.add(toMatch(c, v, scheme, group, entries));
    }
    out.sort(Comparator.comparing(Match::severity).reversed().thenComparing(Match::primaryId));
    return out;
  }

  /** Advisories sharing an id or alias, transitively, form one group. */
  static List<List<Advisory>> aliasGroups(Collection<Advisory> advisories) {
    List<Set<String>> idSets = new ArrayList<>();
    List<List<Advisory>> groups = new ArrayList<>();
    for (Advisory a : advisories) {
      Set<String> ids = new LinkedHashSet<>(a.ids());
      List<Advisory> members = new ArrayList<>(List.of(a));
      for (int g = groups.size() - 1; g >= 0; g--) {
        if (!disjoint(idSets.get(g), ids)) {
          ids.addAll(idSets.remove(g));
          members.addAll(0, groups.remove(g));
        }
      }
      idSets.add(ids);
      groups.add(members);
    }
    for (List<Advisory> g : groups) {
      g.sort(ADVISORY_ORDER);
    }
    return groups;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String s : b) {
      if (a.contains(s)) {
        return false;
      }
    }
    return true;
  }

  /** GitHub's reviewed advisories first (best summaries), then ecosystem databases, then others. */
  private static final Comparator<Advisory> ADVISORY_ORDER =
      Comparator.comparingInt((Advisory a) -> idRank(a.id())).thenComparing(Advisory::id);

  private static int idRank(String id) {
    String u = id.toUpperCase(Locale.ROOT);
    if (u.startsWith("GHSA-")) {
      return 0;
    }
    if (u.startsWith("GO-") || u.startsWith("PYSEC-")) {
      return 1;
    }
    return u.startsWith("CVE-") ? 3 : 2;
  }

  private static Match toMatch(
      Component c,
      SchemeVersion v,
      VersionScheme scheme,
      List<Advisory> group,
      List<IndexedAffected> entries) {
    Set<String> groupIds = new LinkedHashSet<>();
    for (Advisory a : group) {
      groupIds.add(a.id());
    }
    List<IndexedAffected> groupEntries = new ArrayList<>();
    for (IndexedAffected e : entries) {
      if (groupIds.contains(e.advisory().id())) {
        groupEntries.add(e);
      }
    }
    String summary = "";
    for (Advisory a : group) {
      if (!a.summary().isBlank()) {
        summary = a.summary();
        break;
      }
    }
    CvssScore best = null;
    for (Advisory a : group) {
      List<Advisory.Score> scores = new ArrayList<>(a.severity());
      for (IndexedAffected e : groupEntries) {
        if (e.advisory() == a) {
          scores.addAll(e.affected().severity());
        }
      }
      for (Advisory.Score s : scores) {
        CvssScore score = s.type().startsWith("CVSS_V") ? Cvss.score(s.score()) : null;
        if (score != null && (best == null || score.score() > best.score())) {
          best = score;
        }
      }
    }
    Severity severity;
    Match.SeveritySource source;
    if (best != null) {
      severity = best.severity();
      source = Match.SeveritySource.CVSS;
    } else {
      Severity rated = null;
      for (Advisory a : group) {
        Severity s = a.qualitativeSeverity() == null ? null : qualitative(a.qualitativeSeverity());
        if (s != null && (rated == null || s.compareTo(rated) > 0)) {
          rated = s;
        }
      }
      severity = rated == null ? Severity.MEDIUM : rated;
      source = rated == null ? Match.SeveritySource.DEFAULT : Match.SeveritySource.ADVISORY;
    }
    return new Match(c, ids(group), summary, severity, source, best,
        fix(v, scheme, group, groupEntries), group);
  }

  /** Primary id (a CVE, else a GHSA, else the first advisory's), then record ids, then aliases. */
  static List<String> ids(List<Advisory> group) {
    Set<String> all = new LinkedHashSet<>();
    for (Advisory a : group) {
      all.add(a.id());
    }
    List<String> aliases = new ArrayList<>();
    for (Advisory a : group) {
      for (String alias : a.aliases()) {
        if (!all.contains(alias) && !aliases.contains(alias)) {
          aliases.add(alias);
        }
      }
    }
    aliases.sort(Comparator.comparingInt((String id) -> id.toUpperCase(Locale.ROOT)
            .startsWith("CVE-") ? -1 : idRank(id))
        .thenComparing(Comparator.naturalOrder()));
    all.addAll(aliases);
    String primary = null;
    for (String prefix : new String[] {"CVE-", "GHSA-"}) {
      for (String id : all) {
        if (id.toUpperCase(Locale.ROOT).startsWith(prefix)) {
          primary = id;
          break;
        }
      }
      if (primary != null) {
        break;
      }
    }
    List<String> out = new ArrayList<>();
    if (primary != null) {
      out.add(primary);
    }
    for (String id : all) {
      if (!id.equals(primary)) {
        out.add(id);
      }
    }
    return out;
  }

  private static @Nullable Severity qualitative(String rating) {
    switch (rating.toUpperCase(Locale.ROOT)) {
      case "CRITICAL":
        return Severity.CRITICAL;
      case "HIGH":
        return Severity.HIGH;
      case "MODERATE":
      case "MEDIUM":
        return Severity.MEDIUM;
      case "LOW":
        return Severity.LOW;
      default:
        return null;
    }
  }

  /**
   * The lowest fixed version above {@code v} that no entry of the group affects. When the group's
   * advisories disagree so much that every candidate is still affected by one of them, the highest
   * of each advisory's own fix is suggested; null when no advisory names a fix above {@code v}.
   */
  static @Nullable String fix(
      SchemeVersion v, VersionScheme scheme, List<Advisory> group, List<IndexedAffected> entries) {
    List<SchemeVersion> candidates = candidates(v, scheme, entries);
    for (SchemeVersion cand : candidates) {
      if (!affectedByAny(cand, entries)) {
        return cand.text();
      }
    }
    SchemeVersion best = null;
    for (Advisory a : group) {
      List<IndexedAffected> own = new ArrayList<>();
      for (IndexedAffected e : entries) {
        if (e.advisory() == a) {
          own.add(e);
        }
      }
      for (SchemeVersion cand : candidates(v, scheme, own)) {
        if (!affectedByAny(cand, own)) {
          if (best == null || cand.compareTo(best) > 0) {
            best = cand;
          }
          break;
        }
      }
    }
    return best == null ? null : best.text();
  }

  private static List<SchemeVersion> candidates(
      SchemeVersion v, VersionScheme scheme, List<IndexedAffected> entries) {
    List<SchemeVersion> out = new ArrayList<>();
    for (IndexedAffected e : entries) {
      for (String text : e.fixedVersions()) {
        SchemeVersion f = scheme.tryParse(text);
        if (f != null && f.compareTo(v) > 0 && !out.contains(f)) {
          out.add(f);
        }
      }
    }
    for (int i = 1; i < out.size(); i++) {
      SchemeVersion x = out.get(i);
      int j = i - 1;
      while (j >= 0 && out.get(j).compareTo(x) > 0) {
        out.set(j + 1, out.get(j));
        j--;
      }
      out.set(j + 1, x);
    }
    return out;
  }

  private static boolean affectedByAny(SchemeVersion version, List<IndexedAffected> entries) {
    for (IndexedAffected e : entries) {
      if (e.affects(version.text(), version)) {
        return true;
      }
    }
    return false;
  }
}
