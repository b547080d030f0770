package dev.bulwark.report.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.report.ReportOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules a report describes, sorted by id: those of the report, then those of the options,
 * then one made from the first finding of any rule id neither knows, so that every finding has a
 * rule to point at.
 */
final class DescribedRules {

  private final List<RuleMetadata> rules;
  private final Map<String, Integer> index;

  private DescribedRules(List<RuleMetadata> rules) {
    this.rules = List.copyOf(rules);
    this.index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      index.put(rules.get(i).id(), i);
    }
  }

  static DescribedRules of(Report report, ReportOptions options) {
    TreeMap<String, RuleMetadata> byId = new TreeMap<>();
    for (RuleMetadata r : report.rules()) {
      byId.putIfAbsent(r.id(), r);
    }
    for (RuleMetadata r : options.rules()) {
      byId.putIfAbsent(r.id(), r);
    }
    for (Finding f : report.findings()) {
      byId.computeIfAbsent(f.ruleId(), id -> fromFinding(f));
    }
    return new DescribedRules(new ArrayList<>(byId.values()));
  }

  private static RuleMetadata fromFinding(Finding f) {
    return new RuleMetadata(
        f.ruleId(), f.title(), f.severity(), f.remediation(), List.of(), List.of(), true, "", "");
  }

  List<RuleMetadata> all() {
    return rules;
  }

  /** Position of the rule in {@link #all()}; every finding's rule is present by construction. */
  int indexOf(String ruleId) {
    Integer i = index.get(ruleId);
    if (i == null) {
      throw new IllegalArgumentException("rule " + ruleId + " is not described");
    }
    return i;
  }
}
