package dev.bulwark.runtime;

import dev.bulwark.runtime.detect.AttackClass;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An exception to attack detection for the values at some locations: a rich-text field that
 * legitimately contains HTML, a query field that carries SQL for an admin tool. Locations are
 * globs where {@code *} matches any run of characters: {@code body.$.comment}, {@code
 * body.$.items[*].note}, {@code header.*}. With no attack classes the exemption covers all.
 *
 * <pre>{@code
 * Exemption html = Exemption.of("body.$.description", AttackClass.XSS);
 * Protection p = Protection.builder().exempt(html).build();
 * }</pre>
 *
 * @param location the location glob
 * @param classes the attack classes not reported there; empty for all
 */
public record Exemption(String location, Set<AttackClass> classes) {

  public Exemption {
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("exemption location must not be blank");
    }
    classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
  }

  /** Exempts {@code location} from {@code classes}, or from every class when none is given. */
  public static Exemption of(String location, AttackClass... classes) {
    return new Exemption(location, Set.of(classes));
  }

  /** True when this exemption covers {@code attackClass} at {@code inputLocation}. */
  public boolean covers(String inputLocation, AttackClass attackClass) {
    return (classes.isEmpty() || classes.contains(attackClass)) && glob(location, inputLocation);
  }

  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
