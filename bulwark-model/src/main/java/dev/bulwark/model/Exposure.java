package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers "is this function reachable from the internet without authentication?" for any source
 * format. A path counts only when it is definitely open:
 *
 * <ul>
 *   <li>a function URL (on the function or an alias) with {@code AuthType: NONE};
 *   <li>an API route with authorization {@code NONE} on an API of the model that is not private
 *       and whose resource policy does not restrict callers (API keys alone do not count as
 *       authentication). CORS preflight ({@code OPTIONS}) routes are not paths. On a WebSocket API
 *       only the {@code $connect} route authorizes, so every route is open when {@code $connect}
 *       is (or when the API certainly has none);
 *   <li>a resource-policy permission that lets everyone ({@code *}) invoke it without a source,
 *       organization or event-source-token condition.
 * </ul>
 *
 * <pre>{@code
 * for (Exposure.Path p : Exposure.unauthenticatedPaths(model, fn)) {
 *   System.out.println(fn.id() + " is reachable via " + p.description());
 * }
 * }</pre>
 */
public final class Exposure {

  /**
   * One way in.
   *
   * @param description for messages: {@code function URL FnUrl (AuthType NONE)}, {@code route GET
   *     /items of API Api (no authorization)}
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
      openRoute(model, route).ifPresent(out::add);
    }
    for (Permission p : model.permissionsOf(fn)) {
      if (isPublicInvoke(p) && !isUrlPermission(p)) {
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
   * The route as an unauthenticated path from the internet, when it definitely is one: no
   * authorization (on a WebSocket API: none on {@code $connect}), not a CORS preflight, on an API
   * of the model that is not private and whose resource policy does not restrict callers.
   */
  public static Optional<Path> openRoute(CloudModel model, Route route) {
    if (route.method().is(m -> m.equalsIgnoreCase("OPTIONS"))) {
      return Optional.empty();
    }
    Optional<Api> found = model.apiOf(route);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Api api = found.get();
    if (!api.endpointType().isAbsentOr(t -> !t.equalsIgnoreCase("PRIVATE"))
        || restrictsCallers(api.resourcePolicy())) {
      return Optional.empty();
    }
    String why = "no authorization";
    if (api.kind() == ApiKind.WEBSOCKET && !isConnect(route)) {
      Optional<Route> connect = connectRoute(model, api);
      if (connect.isPresent() ? !connect.get().isUnauthenticated() : !api.routesComplete()) {
        return Optional.empty();
      }
      why = connect.isPresent() ? "$connect has no authorization" : "no $connect route";
    } else if (!route.isUnauthenticated()) {
      return Optional.empty();
    }
    if (route.apiKeyRequired().isEqualTo(true)) {
      why += ", API key only";
    }
    return Optional.of(
        new Path(
            "route " + routeName(route) + " of API " + api.id() + " (" + why + ")",
            route,
            route.authorizationType().location()));
  }

  /**
   * {@code GET /items}, or the route key alone for WebSocket routes and for the HTTP {@code
   * $default} route ({@code $connect}, {@code sendMessage}, {@code $default}): their method is no
   * part of what the user wrote.
   */
  public static String routeName(Route route) {
    boolean keyOnly = route.method().isAbsent()
        || route.method().shape().equals(route.path().shape())
        || route.method().isEqualTo("ANY") && route.path().is(p -> !p.startsWith("/"));
    return keyOnly ? route.path().shape() : route.display();
  }

  private static boolean isConnect(Route route) {
    return route.path().isEqualTo("$connect");
  }

  private static Optional<Route> connectRoute(CloudModel model, Api api) {
    return model.routesOf(api).stream().filter(Exposure::isConnect).findFirst();
  }

  /**
   * True when the permission definitely lets anyone invoke: principal {@code *}, invoke action,
   * and no source, organization or event-source-token condition (or a function URL permission
   * with auth NONE).
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
                      || l.equals("lambda:invoke*")
                      || l.equals("lambda:*")
                      || l.equals("*");
                });
    if (!invoke) {
      return false;
    }
    if (isUrlPermission(p)) {
      return p.functionUrlAuthType().is(t -> t.equalsIgnoreCase("NONE"));
    }
    return isUnrestricted(p);
  }

  /**
   * True when the permission has no source ARN, source account, organization or event source
   * token: nothing narrows who the principal acts for.
   */
  public static boolean isUnrestricted(Permission p) {
    return p.sourceArn().isAbsent()
        && p.sourceAccount().isAbsent()
        && p.principalOrgId().isAbsent()
        && p.eventSourceToken().isAbsent();
  }

  /** True for a {@code lambda:InvokeFunctionUrl} permission. */
  public static boolean isUrlPermission(Permission p) {
    return p.action().is(a -> a.equalsIgnoreCase("lambda:InvokeFunctionUrl"));
  }

  /**
   * True when a resource policy certainly restricts callers: it is present and every Allow
   * statement open to everyone either has a restricting condition or is cut back by a Deny to
   * everyone with one ({@code Deny * unless aws:SourceIp/aws:SourceVpce …}). Unknown policies
   * restrict nothing we can prove, so they count as restricting (never a failure on an unknown).
   */
  public static boolean restrictsCallers(Attr<PolicyDocument> policy) {
    if (policy.isAbsent()) {
      return false;
    }
    if (!policy.isPresent()) {
      return true;
    }
    for (PolicyDocument doc : policy.values()) {
      if (!doc.complete() || doc.statements().size() != doc.definiteStatements().size()) {
        return true;
      }
      if (!openStatements(doc).isEmpty() && !deniesOutsiders(doc)) {
        return false;
      }
    }
    return true;
  }

  /** Allow statements of the document open to everyone without a restricting condition. */
  public static List<Statement> openStatements(PolicyDocument doc) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : doc.allows()) {
      if (isOpenToEveryone(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** A definite Allow to everyone ({@code *}) with no restricting condition. */
  public static boolean isOpenToEveryone(Statement s) {
    return s.isAllow() && s.hasPublicPrincipal() && !hasRestrictingCondition(s);
  }

  /**
   * True when some Deny to everyone has a restricting condition ({@code NotIpAddress
   * aws:SourceIp}, {@code StringNotEquals aws:SourceVpce}): callers outside are turned away.
   */
  public static boolean deniesOutsiders(PolicyDocument doc) {
    for (Statement s : doc.definiteStatements()) {
      if (s.isDeny() && s.hasPublicPrincipal() && !s.conditions().isEmpty()
          && PolicyConditions.denyTargetsCaller(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the statement has a condition that narrows the caller (see {@link
   * PolicyConditions#restrictsCaller}).
   */
  public static boolean hasRestrictingCondition(Statement s) {
    return PolicyConditions.restrictsCaller(s);
  }
}
