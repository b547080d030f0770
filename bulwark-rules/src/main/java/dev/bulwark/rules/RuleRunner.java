package dev.bulwark.rules;

import dev.bulwark.core.Finding;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

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

  /**
   * Models with at least this many resources have their rules run in parallel (rules are
   * independent and the model is immutable); smaller ones are not worth the hand-off.
   */
  static final int PARALLEL_RESOURCES = 1000;

  /**
   * The findings and internal errors of every rule on one model, in rule order. The rules of a
   * large model run on the common fork-join pool.
   */
  public Result run(CloudModel model) {
    IntStream indices = IntStream.range(0, rules.size());
    if (model.resources().size() >= PARALLEL_RESOURCES) {
      indices = indices.parallel();
    }
    // an ordered stream: outcomes come back in rule order, parallel or not
    List<Outcome> outcomes = indices.mapToObj(i -> runRule(i, model)).toList();
    List<Finding> findings = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    for (Outcome o : outcomes) {
      findings.addAll(o.findings());
      if (o.error() != null) {
        errors.add(o.error());
      }
    }
    return new Result(findings, errors);
  }

  private record Outcome(List<Finding> findings, @Nullable ScanError error) {}

  private Outcome runRule(int i, CloudModel model) {
    Findings sink = new Findings(metadata.get(i), settings);
    try {
      rules.get(i).check(model, sink);
      return new Outcome(sink.results(), null);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(List.of(), new ScanError(model.name(), 0, ScanError.Kind.INTERNAL,
          "rule " + metadata.get(i).id() + " failed: " + e));
    }
  }

  /** Findings and errors of one run. */
  public record Result(List<Finding> findings, List<ScanError> errors) {
    public Result {
      findings = List.copyOf(findings);
      errors = List.copyOf(errors);
    }
  }
}
