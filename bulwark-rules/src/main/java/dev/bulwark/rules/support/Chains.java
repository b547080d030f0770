package dev.bulwark.rules.support;

import dev.bulwark.model.Exposure;
import java.util.List;

/**
 * Phrases for the first link of combination findings: how the function is reached.
 *
 * <pre>{@code
 * String how = Chains.reachable(Exposure.unauthenticatedPaths(model, fn));
 * // "reachable without authentication via route GET /items of API Api (no authorization)"
 * }</pre>
 */
public final class Chains {

  /** Joins the links of a chain. */
  public static final String ARROW = " \u2192 ";

  private Chains() {}

  /**
   * {@code reachable without authentication via <first path>}, with {@code and N more} when there
   * are several.
   *
   * @throws IllegalArgumentException when there is no path
   */
  public static String reachable(List<Exposure.Path> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no unauthenticated path");
    }
    String more = paths.size() == 1 ? "" : " and " + (paths.size() - 1) + " more";
    return "reachable without authentication via " + paths.get(0).description() + more;
  }
}
