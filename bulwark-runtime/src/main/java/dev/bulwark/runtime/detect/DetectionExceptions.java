package dev.bulwark.runtime.detect;

import dev.bulwark.runtime.detect.internal.Glob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where detection does not apply: per route, per field, or both, for chosen attack classes. A route
 * that serves a reporting tool may accept SQL in one field; a CMS field may hold HTML.
 *
 * <pre>{@code
 * DetectionExceptions exceptions = DetectionExceptions.builder()
 *     // this field holds rich text on every route
 *     .exemptField("body.$.article.html", AttackClass.XSS)
 *     // the reporting route takes SQL in its query field
 *     .exempt("POST /reports", "body.$.query", AttackClass.SQL_INJECTION)
 *     // an internal route that proxies URLs on purpose
 *     .exemptRoute("GET /proxy/**", AttackClass.SSRF)
 *     .build();
 * }</pre>
 *
 * <p>Patterns are globs matched against the whole text: in a location pattern ({@code
 * body.$.items[*].name}) {@code *} matches any run of characters without a {@code .}; in a route
 * pattern ({@code GET /items/*}) any run without a {@code /}; {@code **} matches anything in both.
 * Every other character matches itself. Routes are matched against the route key the caller passes
 * to {@link Detectors#detect(String, Input)}; when the route is unknown (empty) only exceptions
 * that name no route apply.
 *
 * <p>Immutable and thread-safe; the builder validates each pattern and fails fast naming it.
 */
public final class DetectionExceptions {

  private static final DetectionExceptions NONE = new DetectionExceptions(List.of());

  private final List<Rule> rules;

  private DetectionExceptions(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No exceptions. */
  public static DetectionExceptions none() {
    return NONE;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether there are no exceptions at all. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The classes not to report for {@code location} on {@code routeKey} (possibly empty). */
  public Set<AttackClass> exemptClasses(String routeKey, String location) {
    if (rules.isEmpty()) {
      return Set.of();
    }
    EnumSet<AttackClass> out = null;
    for (Rule r : rules) {
      if (r.matches(routeKey, location)) {
        if (out == null) {
          out = EnumSet.noneOf(AttackClass.class);
        }
        out.addAll(r.classes);
      }
    }
    return out == null ? Set.of() : Collections.unmodifiableSet(out);
  }

  /** Whether {@code attackClass} is exempt for {@code location} on {@code routeKey}. */
  public boolean exempts(String routeKey, String location, AttackClass attackClass) {
    for (Rule r : rules) {
      if (r.classes.contains(attackClass) && r.matches(routeKey, location)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "DetectionExceptions" + rules;
  }

  private static final class Rule {
    private final @Nullable Glob route;
    private final @Nullable Glob location;
    private final EnumSet<AttackClass> classes;

    Rule(@Nullable Glob route, @Nullable Glob location, EnumSet<AttackClass> classes) {
      this.route = route;
      this.location = location;
      this.classes = classes;
    }

    boolean matches(String routeKey, String loc) {
      if (route != null && (routeKey.isEmpty() || !route.matches(routeKey))) {
        return false;
      }
      return location == null || location.matches(loc);
    }

    @Override
    public String toString() {
      return "{route=" + (route == null ? "any" : route) + ", location="
          + (location == null ? "any" : location) + ", classes=" + classes + "}";
    }
  }

  /** Collects exceptions; {@link #build()} can be called repeatedly and does not change it. */
  public static final class Builder {

    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /** Exempts a field on one route (patterns as described on the class). */
    public Builder exempt(
        String routePattern, String locationPattern, AttackClass first, AttackClass... more) {
      rules.add(
          new Rule(
              Glob.compile("route pattern", routePattern, '/'),
              Glob.compile("location pattern", locationPattern, '.'),
              classes(first, more)));
      return this;
    }

    /** Exempts a field on every route. */
    public Builder exemptField(String locationPattern, AttackClass first, AttackClass... more) {
      rules.add(
          new Rule(null, Glob.compile("location pattern", locationPattern, '.'), classes(first, more)));
      return this;
    }

    /** Exempts every field of a route. */
    public Builder exemptRoute(String routePattern, AttackClass first, AttackClass... more) {
      rules.add(
          new Rule(Glob.compile("route pattern", routePattern, '/'), null, classes(first, more)));
      return this;
    }

    private static EnumSet<AttackClass> classes(AttackClass first, AttackClass... more) {
      Objects.requireNonNull(first, "attack class");
      EnumSet<AttackClass> s = EnumSet.of(first);
      for (AttackClass c : more) {
        s.add(Objects.requireNonNull(c, "attack class"));
      }
      return s;
    }

    /** The exceptions collected so far, as an immutable value. */
    public DetectionExceptions build() {
      return rules.isEmpty() ? NONE : new DetectionExceptions(rules);
    }
  }
}
