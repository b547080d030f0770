package dev.bulwark.deps;

import java.util.List;
import java.util.Objects;

/**
 * What matching found: the matches, and the components whose version could not be judged (a
 * declared range, a version that is not valid in its ecosystem) — those are not reported as
 * vulnerable.
 *
 * @param matches one per affected component and vulnerability, in input order
 * @param unchecked components not judged, with the reason
 */
public record MatchResult(List<Match> matches, List<Unchecked> unchecked) {

  public MatchResult {
    matches = List.copyOf(matches);
    unchecked = List.copyOf(unchecked);
  }

  /**
   * A component whose version cannot be compared with advisories.
   *
   * @param component the component
   * @param reason why, for a human ({@code declared range '^4.17.0', not a resolved version})
   */
  public record Unchecked(Component component, String reason) {
    public Unchecked {
      Objects.requireNonNull(component, "component");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
