package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers "is this function reachable from the internet without authentication?" for any source
 * format. A path counts only when it is definitely open:
 *
 * <ul>
 *   <li>a function URL (on the function or an alias) with {@code AuthType: NONE};
 *   <li>an API route with authorization {@code NONE} on an API that is not private and whose
 *       resource policy does not restrict callers (API keys alone do not count as authentication);
 *   <li>a resource-policy permission that lets everyone ({@code *}) invoke it without a source
 *       condition.
 * </ul>
 */
public final class Exposure {

  /** Condition keys that restrict who can call, making a policy statement non-public. */
  private static final Set<String> RESTRICTING_KEYS =
      Set.of(
          "aws:sourceip",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:vpcsourceip",
          "aws:principalorgid",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:sourcearn",
          "aws:sourceaccount",
          "aws:sourceorgid");

  /**
   * One way in.
   *
   * @param description for messages: {@code function URL FnUrl (AuthType NONE)}
   * @param via the URL, route or permission that opens the path
   * @param location where that is declared
   */
  public record Path(String description, Resource via, SourceLocation location) {}

  private Exposure() {}

  /** Every definitely open, unauthenticated path from the internet to {@code fn}. */
  public static List<Path> unauthenticatedPaths(CloudModel model, Function fn) {
    List<Path> out = new ArrayList<>();
    for (FunctionUrl url : model.urlsOf(fn)) {
      if (url.authType().is(t -> t.equalsIgnoreCase("NONE"))) {
        out.add(
            new Path(
                "function URL " + url.id() + " (AuthType NONE)", url, url.authType().location()));
      }
    }
    for (Route route : model.routesTo(fn)) {
      if (!route.isUnauthenticated()) {
        continue;
      }
      Api api = model.apiOf(route).orElse(null);
      if (api != null && (api.isPrivate() || restrictsCallers(api.resourcePolicy()))) {
        continue;
      }
      String apiName = api == null ? route.api().shape() : api.id();
      String keyNote = route.apiKeyRequired().isEqualTo(true) ? ", API key only" : "";
      out.add(
          new Path(
              "route " + route.display() + " of API " + apiName + " (no authorization" + keyNote
                  + ")",
              route,
              route.authorizationType().location()));
    }
    for (Permission p : model.permissionsOf(fn)) {
      if (isPublicInvoke(p)) {
        out.add(
            new Path(
                "permission " + p.id() + " (principal * may invoke)",
                p,
                p.principal().location()));
      }
    }
    return out;
  }

  /** True when some unauthenticated path from the internet reaches {@code fn}. */
  public static boolean isPublicWithoutAuth(CloudModel model, Function fn) {
    return !unauthenticatedPaths(model, fn).isEmpty();
  }

  /**
   * True when the permission definitely lets anyone invoke: principal {@code *}, invoke action,
   * and no source or organization condition (or a function URL permission with auth NONE).
   */
  public static boolean isPublicInvoke(Permission p) {
    if (!p.principal().isEqualTo("*")) {
      return false;
    }
    boolean invoke =
        p.action()
            .is(
                a -> {
                  String l = a.toLowerCase(Locale.ROOT);
                  return l.equals("lambda:invokefunction")
                      || l.equals("lambda:invokefunctionurl")
                      || l.equals("lambda:*")
                      || l.equals("*");
                });
    if (!invoke) {
      return false;
    }
    if (p.action().is(a -> a.equalsIgnoreCase("lambda:InvokeFunctionUrl"))) {
      return p.functionUrlAuthType().is(t -> t.equalsIgnoreCase("NONE"));
    }
    return p.sourceArn().isAbsent()
        && p.sourceAccount().isAbsent()
        && p.principalOrgId().isAbsent();
  }

  /**
   * True when a resource policy certainly restricts callers: it is present and no Allow
   * statement is open to everyone without a restricting condition. Unknown policies restrict
   * nothing we can prove, so they count as restricting (never a failure on an unknown).
   */
  public static boolean restrictsCallers(Attr<PolicyDocument> policy) {
    if (policy.isAbsent()) {
      return false;
    }
    if (!policy.isPresent()) {
      return true;
    }
    for (PolicyDocument doc : policy.values()) {
      if (!doc.complete()) {
        return true;
      }
      for (Statement s : doc.allows()) {
        if (s.hasPublicPrincipal() && !hasRestrictingCondition(s)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when the statement has a condition on the caller's network, organization or source. */
  public static boolean hasRestrictingCondition(Statement s) {
    if (!s.conditionsKnown()) {
      return true;
    }
    for (Statement.Condition c : s.conditions()) {
      if (RESTRICTING_KEYS.contains(c.key().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
