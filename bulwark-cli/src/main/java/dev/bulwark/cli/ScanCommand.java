package dev.bulwark.cli;

import dev.bulwark.core.Report;
import dev.bulwark.core.Severity;
import dev.bulwark.engine.Baseline;
import dev.bulwark.engine.ScanRequest;
import dev.bulwark.engine.Scanner;
import dev.bulwark.iac.ParameterFile;
import dev.bulwark.iac.ParameterFileException;
import dev.bulwark.rules.RuleSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark scan}: posture scan of templates. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    header = "Scan templates for security misconfigurations.",
    description = {
      "Reads every AWS SAM and CloudFormation template (YAML or JSON, recognised by content) in"
          + " the given files and folders, and reports misconfigurations of functions, roles,"
          + " APIs, queues, topics, buses, buckets, keys, tables and log groups.",
      "For every function with local code (CodeUri, CDK assets) and layer content, Bulwark also"
          + " reads what it ships (lockfiles, manifests, built artifacts), reports known"
          + " vulnerabilities from OSV advisory data (see 'bulwark db update') and hard-coded"
          + " secrets in the code and the template.",
      "Folders are walked recursively; node_modules, .aws-sam, cdk.out, .git and other"
          + " dependency or build folders are skipped unless named with --include-dir or given"
          + " directly (scanning a cdk.out folder works)."
    },
    sortOptions = false)
public final class ScanCommand implements Callable<Integer> {

  /** Rule profile. */
  public enum Profile {
    baseline,
    all
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<path>",
      arity = "0..*",
      description = "Files or folders to scan (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output;

  @Mixin AdvisoryOptions advisories;

  @Option(
      names = "--no-deps",
      description = "Do not read what functions ship or check it for known vulnerabilities.")
  boolean noDeps;

  @Option(
      names = "--no-secrets",
      description = "Do not look for hard-coded secrets in templates and function code.")
  boolean noSecrets;

  @Option(
      names = "--fail-on",
      paramLabel = "<severity>",
      description =
          "Exit with 1 when an unsuppressed finding is at or above this severity: info, low,"
              + " medium, high, critical, or none (default: ${DEFAULT-VALUE}).",
      defaultValue = "low")
  String failOn;

  @Option(
      names = "--severity",
      paramLabel = "<severity>",
      description = "Report only findings at or above this severity (default: ${DEFAULT-VALUE}).",
      defaultValue = "info")
  String severity;

  @Option(
      names = "--rules",
      paramLabel = "<id>",
      split = ",",
      description =
          "Run only these rules: ids, former ids or prefixes such as IAM-* (comma-separated;"
              + " includes rules that are off by default).")
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--skip-rules",
      paramLabel = "<id>",
      split = ",",
      description = "Do not run these rules (ids, former ids or prefixes, comma-separated).")
  List<String> skipRules = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "<profile>",
      description =
          "Rule profile: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); 'all' adds the"
              + " rules that are off by default.",
      defaultValue = "baseline")
  Profile profile;

  @Option(
      names = "--parameters",
      paramLabel = "<file>",
      description =
          "Template parameter values: a CloudFormation parameters file (list of ParameterKey/"
              + "ParameterValue, or a {\"Parameters\": {...}} map).")
  @Nullable Path parametersFile;

  @Option(
      names = {"-P", "--parameter"},
      paramLabel = "<key=value>",
      description =
          "One parameter value (repeatable; wins over --parameters). Pseudo parameters such as"
              + " AWS::Region or AWS::AccountId may be set too.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--as-of",
      paramLabel = "<date>",
      description = "Judge runtime deprecation as of this date (YYYY-MM-DD; default: today).")
  @Nullable String asOf;

  @Option(
      names = "--trusted-accounts",
      paramLabel = "<account>",
      split = ",",
      description =
          "AWS account ids allowed to invoke functions and to publish layers (comma-separated)."
              + " The stack's own account is always trusted.")
  List<String> trustedAccounts = new ArrayList<>();

  @Option(
      names = "--owner-tag",
      paramLabel = "<key>",
      description = "Tag key that names a function's owner (default: ${DEFAULT-VALUE}).",
      defaultValue = "owner")
  String ownerTag;

  @Option(
      names = "--include-dir",
      paramLabel = "<name>",
      split = ",",
      description =
          "Walk folders with these names although they are skipped by default (cdk.out,"
              + " node_modules, .aws-sam, …).")
  List<String> includeDirs = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "<file>",
      description = "Report findings listed in this baseline file as suppressed.")
  @Nullable Path baseline;

  @Option(
      names = "--baseline-write",
      paramLabel = "<file>",
      description = "Write the unsuppressed findings of this scan to a baseline file.")
  @Nullable Path baselineWrite;

  @Option(
      names = "--keep-going",
      description =
          "Scan errors (unreadable or unparsable inputs) do not change the exit code: it is"
              + " decided by findings alone. Errors are still reported.")
  boolean keepGoing;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description = "Worker threads (default: the number of processors).")
  int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Override
  public Integer call() throws IOException {
    Severity min = parseSeverity(severity, "--severity");
    Severity threshold = "none".equalsIgnoreCase(failOn) ? null : parseSeverity(failOn, "--fail-on");
    RuleSettings.Builder settings = RuleSettings.builder().ownerTagKey(ownerTag);
    if (asOf != null) {
      try {
        settings.asOf(LocalDate.parse(asOf));
      } catch (DateTimeParseException e) {
        throw new Main.UsageException("--as-of: '" + asOf + "' is not a date (YYYY-MM-DD)");
      }
    }
    try {
      settings.trustedAccounts(new LinkedHashSet<>(trimmed(trustedAccounts)));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--trusted-accounts: " + e.getMessage());
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (parametersFile != null) {
      try {
        params.putAll(ParameterFile.read(parametersFile));
      } catch (ParameterFileException e) {
        throw new Main.UsageException("--parameters: " + e.getMessage());
      }
    }
    params.putAll(parameters);
    if (threads < 1) {
      throw new Main.UsageException("--threads must be at least 1");
    }

    ScanRequest.Builder builder = ScanRequest.builder();
    advisories.folders.forEach(builder::advisoryFolder);
    ScanRequest request =
        builder
            .paths(paths.isEmpty() ? List.of(Path.of(".")) : paths)
            .parameters(params)
            .settings(settings.build())
            .onlyRules(Set.copyOf(trimmed(rules)))
            .skipRules(Set.copyOf(trimmed(skipRules)))
            .allRules(profile == Profile.all)
            .minSeverity(min)
            .includeDirs(Set.copyOf(trimmed(includeDirs)))
            .baseline(baseline)
            .threads(threads)
            .dependencies(!noDeps)
            .secrets(!noSecrets)
            .advisoryCache(advisories.cache())
            .build();
    Report report = new Scanner().scan(request);

    output.write(report, spec.commandLine());
    if (baselineWrite != null) {
      Baseline.write(report, baselineWrite);
      spec.commandLine().getErr().printf("bulwark: wrote %d findings to baseline %s%n",
          report.activeFindings().size(), baselineWrite);
    }
    if (!report.errors().isEmpty() && !keepGoing) {
      return ExitCodes.SCAN_ERROR;
    }
    return threshold != null && report.hasFindingsAtLeast(threshold)
        ? ExitCodes.FINDINGS
        : ExitCodes.OK;
  }

  private static List<String> trimmed(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (!v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }

  static Severity parseSeverity(String text, String option) {
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(option + ": " + e.getMessage());
    }
  }
}
