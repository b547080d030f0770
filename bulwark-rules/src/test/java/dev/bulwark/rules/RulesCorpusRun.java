package dev.bulwark.rules;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.testing.RuleFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Robustness and false-alarm run over a folder of real templates (not a unit test): every
 * CloudFormation/SAM template is loaded as the engine does and every built-in rule (or those whose
 * id starts with the given prefixes) runs on it. Prints findings per rule with a few example
 * messages, rule failures (which must be zero), and the time spent in rules.
 *
 * <p>Run: {@code java -cp <test classpath> dev.bulwark.rules.RulesCorpusRun
 * /work/shared/corpus/serverless-patterns [ID-prefix,…] [-v]}
 */
public final class RulesCorpusRun {

  private RulesCorpusRun() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/serverless-patterns");
    List<String> prefixes = args.length > 1 ? List.of(args[1].split(",")) : List.of("");
    boolean verbose = List.of(args).contains("-v");
    if (!Files.isDirectory(root)) {
      System.out.println("corpus not found: " + root + " (nothing to run)");
      return;
    }
    List<Rule> rules = BuiltinRules.all().stream()
        .filter(r -> prefixes.stream().anyMatch(p -> RuleCatalog.metadata(r).id().startsWith(p)))
        .toList();
    RuleRunner runner = new RuleRunner(rules, RuleSettings.defaults());
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")
                || n.endsWith(".template");
          })
          .sorted().toList();
    }
    int models = 0;
    long ruleNanos = 0;
    Map<String, List<String>> byRule = new TreeMap<>();
    List<ScanError> failures = new ArrayList<>();
    for (Path f : files) {
      List<ScanError> errors = new ArrayList<>();
      Optional<CloudModel> model;
      try {
        model = RuleFixtures.load(f, errors);
      } catch (RuntimeException e) {
        System.out.println("LOAD CRASH " + f + ": " + e);
        continue;
      }
      if (model.isEmpty()) {
        continue;
      }
      models++;
      long start = System.nanoTime();
      RuleRunner.Result result = runner.run(model.get());
      ruleNanos += System.nanoTime() - start;
      failures.addAll(result.errors());
      for (Finding x : result.findings()) {
        byRule.computeIfAbsent(x.ruleId(), k -> new ArrayList<>())
            .add(root.relativize(f) + ":" + x.location().startLine() + " " + x.severity() + " "
                + x.message());
      }
    }
    System.out.printf("%d files, %d models, %d rules, %.1f ms in rules%n", files.size(), models,
        rules.size(), ruleNanos / 1e6);
    byRule.forEach((id, list) -> {
      System.out.println(id + ": " + list.size());
      list.stream().limit(verbose ? Long.MAX_VALUE : 5).forEach(m -> System.out.println("    " + m));
    });
    System.out.println("rule failures: " + failures.size());
    failures.stream().limit(20).forEach(e -> System.out.println("    " + e));
  }
}
