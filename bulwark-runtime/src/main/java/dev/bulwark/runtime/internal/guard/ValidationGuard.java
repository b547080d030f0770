package dev.bulwark.runtime.internal.guard;

import dev.bulwark.runtime.Limits;
import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.internal.decode.BodyStats;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import java.util.List;
import java.util.function.Function;

/**
 * Enforces body size (413), content type (415), JSON shape limits and the route's JSON Schema
 * (400) on HTTP requests.
 */
public final class ValidationGuard implements Guard {

  private final Limits limits;
  private final Function<Route, SchemaCheck> schemas;

  /** {@code schemas} compiles (and caches) a route's schema; called only for routes with one. */
  public ValidationGuard(Limits limits, Function<Route, SchemaCheck> schemas) {
    this.limits = limits;
    this.schemas = schemas;
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public Outcome intercept(Chain chain) {
    Invocation inv = chain.invocation();
    DecodedEvent ev = inv.event();
    if (!ev.trigger().isHttp()) {
      return chain.proceed();
    }
    Route route = inv.route();
    Limits l = route != null && route.limits() != null ? route.limits() : limits;
    byte[] body = ev.body();
    int size = body == null ? 0 : body.length;
    if (size > l.maxBodyBytes()) {
      return chain.reject(
          Rejection.tooLarge(),
          new Finding("validation", "body.too-large", "body", size + " bytes > " + l.maxBodyBytes()));
    }
    if (route != null && !route.contentTypes().isEmpty() && size > 0
        && !route.contentTypes().contains(ev.contentType())) {
      return chain.reject(
          Rejection.unsupportedMediaType(),
          new Finding("validation", "content-type.not-allowed", "header.content-type", ev.contentType()));
    }
    if (ev.bodyJson() != null) {
      BodyStats s = ev.bodyStats();
      if (s.depth() > l.maxDepth()) {
        return shape(chain, "json.too-deep", "depth " + s.depth() + " > " + l.maxDepth());
      }
      if (s.maxArrayLength() > l.maxArrayLength()) {
        return shape(chain, "json.array-too-long", s.maxArrayLength() + " items > " + l.maxArrayLength());
      }
      if (s.maxStringLength() > l.maxStringLength()) {
        return shape(chain, "json.string-too-long", s.maxStringLength() + " chars > " + l.maxStringLength());
      }
    }
    if (route != null && route.schema() != null) {
      if (ev.bodyJson() == null) {
        String rule = size == 0 ? "schema.no-body" : "json.invalid";
        return chain.reject(Rejection.badRequest(), new Finding("validation", rule, "body", ""));
      }
      List<String> problems = schemas.apply(route).validate(ev.bodyJson());
      if (!problems.isEmpty()) {
        return chain.reject(
            Rejection.badRequest(),
            new Finding("validation", "schema.invalid", "body", String.join("; ", problems)));
      }
    }
    return chain.proceed();
  }

  private static Outcome shape(Chain chain, String rule, String detail) {
    return chain.reject(Rejection.badRequest(), new Finding("validation", rule, "body", detail));
  }
}
