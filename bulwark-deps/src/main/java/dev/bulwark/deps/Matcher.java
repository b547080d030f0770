package dev.bulwark.deps;

import dev.bulwark.deps.internal.match.MatchEngine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Matches components against a {@link VulnerabilityDatabase} with each ecosystem's version rules
 * (Maven ordering, npm SemVer, PEP 440, Go modules) and OSV's range semantics (several ranges and
 * enumerated versions per advisory, {@code last_affected} inclusive, {@code limit}; commit ranges
 * ignored; withdrawn advisories never match). Advisories that name each other are merged into one
 * {@link Match}. Only {@link Component.VersionKind#EXACT} and {@link
 * Component.VersionKind#PINNED} versions are judged; declared ranges and invalid versions of
 * packages that have advisories are returned as {@link MatchResult.Unchecked}.
 *
 * <pre>{@code
 * Matcher matcher = new Matcher(db);
 * for (Match m : matcher.match(components).matches()) {
 *   Finding f = VulnerabilityFindings.toFinding(m, List.of("OrdersFunction"));
 * }
 * }</pre>
 */
public final class Matcher {

  private final MatchEngine engine;

  public Matcher(VulnerabilityDatabase database) {
    this.engine = new MatchEngine(database.index());
  }

  /** Matches every component; thread-safe. */
  public MatchResult match(Collection<Component> components) {
    return engine.match(components);
  }

  /** The matches of one component (empty when it is unaffected or cannot be judged). */
  public List<Match> match(Component component) {
    return engine.match(component, new ArrayList<>());
  }
}
