package dev.bulwark.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in rules, in one list sorted by id. A catalog test checks that every rule class is
 * registered here.
 */
public final class BuiltinRules {

  private BuiltinRules() {}

  /** A new instance of every built-in rule, in id order. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(List.of(
        // keep sorted by id; one line per rule
        ));
    rules.sort(Comparator.comparing(r -> RuleCatalog.metadata(r).id()));
    return List.copyOf(rules);
  }
}
