package dev.bulwark.rules.support;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.RoleCapabilities.Grant;
import java.util.List;

/**
 * Where and how the IAM rules show a grant: at the action or resource that makes it a finding
 * rather than at its statement, and lists of actions cut to a readable length.
 *
 * <pre>{@code
 * findings.on(role).at(Grants.actionLocation(grant)).report("... " + Grants.list(actions));
 * }</pre>
 */
public final class Grants {

  /** How many actions a message lists before {@code and N more}. */
  public static final int LISTED = 5;

  private Grants() {}

  /** The line of the grant's action in its statement, else the grant's own location. */
  public static SourceLocation actionLocation(Grant g) {
    if (!g.isNotAction()) {
      for (Attr<String> a : g.statement().actions()) {
        if (a.isEqualTo(g.action()) && a.location().hasLine()) {
          return a.location();
        }
      }
    }
    return g.location();
  }

  /** The line of the statement's {@code "*"} resource, else the grant's own location. */
  public static SourceLocation allResourcesLocation(Grant g) {
    if (!g.statement().notResource()) {
      for (Attr<String> r : g.statement().resources()) {
        if (r.isEqualTo("*") && r.location().hasLine()) {
          return r.location();
        }
      }
    }
    return g.location();
  }

  /** {@code a, b, c} or {@code a, b, c, d, e and 3 more}. */
  public static String list(List<String> items) {
    if (items.size() <= LISTED) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED)
        + " more";
  }
}
