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
        new dev.bulwark.rules.lambda.DeprecatedRuntime(), // LAMBDA-008
        new dev.bulwark.rules.lambda.TracingNotActive(), // LAMBDA-009
        new dev.bulwark.rules.lambda.FunctionOutsideVpc(), // LAMBDA-010
        new dev.bulwark.rules.lambda.SecretInEnvironment(), // LAMBDA-011
        new dev.bulwark.rules.lambda.EnvironmentWithoutCustomerKey(), // LAMBDA-012
        new dev.bulwark.rules.lambda.AsyncFailuresDiscarded(), // LAMBDA-013
        new dev.bulwark.rules.lambda.StreamFailuresDiscarded(), // LAMBDA-014
        new dev.bulwark.rules.lambda.UnreservedConcurrency(), // LAMBDA-015
        new dev.bulwark.rules.lambda.TimeoutBeyondApiLimit(), // LAMBDA-016
        new dev.bulwark.rules.lambda.UnsignedCode(), // LAMBDA-017
        new dev.bulwark.rules.lambda.UntrustedLayer(), // LAMBDA-018
        new dev.bulwark.rules.lambda.LogsKeptForever(), // LAMBDA-019
        new dev.bulwark.rules.lambda.MissingOwnerTag(), // LAMBDA-020
        new dev.bulwark.rules.logs.LogGroupWithoutRetention(), // LOGS-001
        new dev.bulwark.rules.logs.LogGroupWithoutCustomerKey() // LOGS-002
        ));
    rules.sort(Comparator.comparing(r -> RuleCatalog.metadata(r).id()));
    return List.copyOf(rules);
  }
}
