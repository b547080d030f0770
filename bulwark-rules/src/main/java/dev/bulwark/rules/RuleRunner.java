package dev.bulwark.rules;

import dev.bulwark.core.Finding;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs rules over a model. A rule that throws does not stop the others: its failure becomes an
 * {@code INTERNAL} scan error naming the rule and the model.
 */
public final class RuleRunner {

  private final List<Rule> rules;
  private final List<RuleMetadata> metadata;
  private final RuleSettings settings;

  public RuleRunner(List<Rule> rules, RuleSettings settings) {
    this.rules = List.copyOf(rules);
    this.metadata = this.rules.stream().map(RuleCatalog::metadata).toList();
    this.settings = settings;
  }

  public List<RuleMetadata> metadata() {
    return metadata;
  }

  /** The findings and internal errors of every rule on one model. */
  public Result run(CloudModel model) {
    List<Finding> findings = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Findings sink = new Findings(metadata.get(i), settings);
      try {
        rules.get(i).check(model, sink);
        findings.addAll(sink.results());
      } catch (RuntimeException | StackOverflowError e) {
        errors.add(
            new ScanError(
                model.name(),
                0,
                ScanError.Kind.INTERNAL,
                "rule " + metadata.get(i).id() + " failed: " + e));
      }
    }
    return new Result(findings, errors);
  }

  /** Findings and errors of one run. */
  public record Result(List<Finding> findings, List<ScanError> errors) {
    public Result {
      findings = List.copyOf(findings);
      errors = List.copyOf(errors);
    }
  }
}
