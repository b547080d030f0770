package dev.bulwark.runtime.internal.auth;

import dev.bulwark.runtime.ApiKeys;
import dev.bulwark.runtime.AuthRequirement;
import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.guard.Chain;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.guard.Guard;
import dev.bulwark.runtime.internal.guard.Invocation;
import dev.bulwark.runtime.internal.guard.Outcome;
import dev.bulwark.runtime.internal.guard.Rejection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates HTTP requests and authorizer events with an API key and/or a JWT (either one is
 * enough unless the route says which), then checks the route's required scopes and claims.
 */
public final class AuthGuard implements Guard {

  private final @Nullable TokenVerifier jwt;
  private final String jwtHeader;
  private final @Nullable ApiKeys apiKeys;

  public AuthGuard(@Nullable TokenVerifier jwt, String jwtHeader, @Nullable ApiKeys apiKeys) {
    this.jwt = jwt;
    this.jwtHeader = jwtHeader;
    this.apiKeys = apiKeys;
  }

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public Outcome intercept(Chain chain) {
    Invocation inv = chain.invocation();
    DecodedEvent ev = inv.event();
    if (!ev.trigger().isHttp() && ev.trigger() != Trigger.AUTHORIZER) {
      return chain.proceed();
    }
    Route route = inv.route();
    AuthRequirement req = route == null ? AuthRequirement.ANY : route.auth();
    if (req == AuthRequirement.NONE) {
      return chain.proceed();
    }
    boolean useKey = apiKeys != null && (req == AuthRequirement.ANY || req == AuthRequirement.API_KEY);
    boolean useJwt = jwt != null && (req == AuthRequirement.ANY || req == AuthRequirement.JWT);
    if (!useKey && !useJwt) {
      return chain.proceed();
    }
    String failure = null;
    boolean ok = false;
    if (useKey) {
      String key = ev.header(apiKeys.header());
      if (key != null) {
        String client = apiKeys.clientOf(key.trim());
        if (client != null) {
          inv.authenticatedApiKey(client);
          ok = true;
        } else {
          failure = "apikey.invalid";
        }
      }
    }
    if (!ok && useJwt) {
      String token = bearer(ev);
      if (token != null) {
        TokenVerifier.Result r = jwt.verify(token);
        if (r.valid()) {
          Map<String, Object> claims = r.claims();
          Object sub = claims.get("sub");
          inv.authenticatedJwt(sub instanceof String s ? s : null, claims);
          ok = true;
        } else if (failure == null) {
          failure = r.failure();
        }
      }
    }
    if (!ok) {
      String rule = failure != null ? failure : "auth.missing-credentials";
      return chain.reject(Rejection.unauthorized(), new Finding("auth", rule, "", ""));
    }
    if (route != null && (!route.requiredScopes().isEmpty() || !route.requiredClaims().isEmpty())) {
      String denied = authorize(inv, route);
      if (denied != null) {
        return chain.reject(Rejection.forbidden(), new Finding("auth", denied, "", ""));
      }
    }
    return chain.proceed();
  }

  private @Nullable String bearer(DecodedEvent ev) {
    String value = ev.header(jwtHeader);
    if (value == null && ev.trigger() == Trigger.AUTHORIZER) {
      value = ev.authorizerToken();
    }
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return v.substring(7).trim();
    }
    return jwtHeader.equals("authorization") && ev.trigger() != Trigger.AUTHORIZER ? null : v;
  }

  private static @Nullable String authorize(Invocation inv, Route route) {
    Map<String, Object> claims = inv.claims();
    if (inv.subject() == null && claims.isEmpty()) {
      return "auth.claims-need-jwt";
    }
    if (!route.requiredScopes().isEmpty()) {
      java.util.Set<String> granted = new java.util.HashSet<>();
      for (String name : List.of("scope", "scp")) {
        Object v = claims.get(name);
        if (v instanceof String s) {
          granted.addAll(dev.bulwark.runtime.internal.decode.Strings.words(s));
        } else if (v instanceof Collection<?> c) {
          c.forEach(o -> granted.add(String.valueOf(o)));
        }
      }
      if (!granted.containsAll(route.requiredScopes())) {
        return "jwt.missing-scope";
      }
    }
    for (Map.Entry<String, String> e : route.requiredClaims().entrySet()) {
      Object v = claims.get(e.getKey());
      boolean match =
          (v instanceof Collection<?> c && c.stream().anyMatch(o -> e.getValue().equals(String.valueOf(o))))
              || (v != null && !(v instanceof Collection<?>) && e.getValue().equals(String.valueOf(v)));
      if (!match) {
        return "jwt.claim-mismatch";
      }
    }
    return null;
  }
}
