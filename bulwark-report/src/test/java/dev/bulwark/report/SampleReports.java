package dev.bulwark.report;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reports built for the tests, with fixed dates and durations. */
public final class SampleReports {

  public static final Instant STARTED = Instant.parse("2025-03-14T09:26:53.589Z");

  static final RuleMetadata PUBLIC_URL =
      rule(
          "LAMBDA-004",
          "Function URL allows unauthenticated access",
          Severity.HIGH,
          "Set the URL's AuthType to AWS_IAM or put an authenticating API in front.",
          List.of("exposure", "authentication"),
          """
          # LAMBDA-004 Function URL allows unauthenticated access

          A function URL with `AuthType: NONE` lets anyone on the internet invoke the
          function, bypassing API Gateway throttling, WAF and authorizers.

          ## Fix

          Use `AuthType: AWS_IAM` and sign requests with SigV4.
          """);
  static final RuleMetadata NO_DLQ =
      rule(
          "LAMBDA-010",
          "Asynchronously invoked function has no dead-letter queue",
          Severity.LOW,
          "Configure a dead-letter queue or an on-failure destination.",
          List.of("reliability"),
          "");
  static final RuleMetadata NO_TRACING =
      rule(
          "LAMBDA-001",
          "Function does not use active tracing",
          Severity.INFO,
          "Set Tracing to Active.",
          List.of("logging"),
          "");
  static final RuleMetadata ADMIN_ROLE =
      rule(
          "IAM-002",
          "Execution role allows every action on every resource",
          Severity.CRITICAL,
          "Grant only the actions and resources the function uses.",
          List.of("iam", "least-privilege"),
          "A role with `Action: \"*\"` and `Resource: \"*\"` is an administrator.");
  static final RuleMetadata HARD_CODED_SECRET =
      new RuleMetadata(
          "SECRET-001",
          "Secret hard-coded in an environment variable",
          Severity.HIGH,
          "Move the value to Secrets Manager and rotate it.",
          List.of("secrets"),
          List.of("SEC-001"),
          true,
          "",
          "secrets");
  /** Described through the options only: ran nowhere in the report. */
  static final RuleMetadata APIGW_NO_AUTH =
      new RuleMetadata(
          "APIGW-001",
          "Route has no authorizer",
          Severity.MEDIUM,
          "Attach an authorizer to the route.",
          List.of("exposure"),
          List.of(),
          false,
          "",
          "posture");

  private SampleReports() {}

  static RuleMetadata rule(
      String id, String title, Severity severity, String remediation, List<String> tags,
      String help) {
    return new RuleMetadata(
        id, title, severity, remediation, tags, List.of(), true, help, "posture");
  }

  /**
   * Several files and resources, every severity, an inline and a baseline suppression, a finding
   * without a line, a dependency finding whose rule the report does not describe, properties,
   * markup characters, and two scan errors (with and without a line).
   */
  public static Report representative() {
    List<Finding> findings = new ArrayList<>();
    findings.add(
        Finding.builder(PUBLIC_URL)
            .message("Function URL of ApiHandler has AuthType NONE")
            .resource("ApiHandler", "AWS::Serverless::Function")
            .location(SourceLocation.of("infra/template.yaml", 12, 14))
            .build());
    findings.add(
        Finding.builder(NO_DLQ)
            .message("ApiHandler is invoked by S3 but has no dead-letter queue")
            .resource("ApiHandler", "AWS::Serverless::Function")
            .location(SourceLocation.of("infra/template.yaml", 20))
            .build()
            .withSuppression(
                new Suppression(
                    Suppression.Kind.INLINE,
                    "Events are replayed from the bucket inventory",
                    SourceLocation.of("infra/template.yaml", 19))));
    findings.add(
        Finding.builder(NO_TRACING)
            .message("OrdersFunction does not set Tracing")
            .resource("OrdersFunction", "AWS::Serverless::Function")
            .location(SourceLocation.of("infra/template.yaml", 0))
            .build());
    findings.add(
        Finding.builder(HARD_CODED_SECRET)
            .message("Environment variable DB_PASSWORD of OrdersFunction holds a secret (pg_****a91f)")
            .resource("OrdersFunction", "AWS::Serverless::Function")
            .location(new SourceLocation("infra/template.yaml", 41, 41, 11))
            .key("DB_PASSWORD")
            .build());
    findings.add(
        Finding.builder(NO_DLQ)
            .message("OrdersFunction is invoked by EventBridge but has no dead-letter queue")
            .resource("OrdersFunction", "AWS::Serverless::Function")
            .location(SourceLocation.of("infra/template.yaml", 33))
            .build()
            .withSuppression(
                new Suppression(Suppression.Kind.BASELINE, "In baseline .bulwark-baseline.json", null)));
    findings.add(
        Finding.builder(ADMIN_ROLE)
            .message("Role ApiHandlerRole allows Action \"*\" on Resource \"*\" & iam:PassRole <any>")
            .resource("ApiHandlerRole", "AWS::IAM::Role")
            .location(SourceLocation.of("infra/iam.yaml", 8, 15))
            .key("Statement[0]")
            .build());
    findings.add(
        Finding.builder("DEP-001", Severity.MEDIUM, "Dependency with a known vulnerability",
                "Upgrade requests to 2.20.0 or later.")
            .message("requests 2.19.0 is affected by GHSA-x84v-xcm2-53pg")
            .resource("requests", "pypi")
            .location(SourceLocation.of("functions/orders/requirements.txt", 3))
            .property("version", "2.19.0")
            .property("advisory", "GHSA-x84v-xcm2-53pg")
            .property("fixedIn", "2.20.0")
            .build());
    return new Report(
        "bulwark 0.1.0",
        STARTED,
        Duration.ofMillis(1234),
        findings,
        List.of(
            new ScanError("infra/huge.json", 0, ScanError.Kind.LIMIT, "file is larger than 16 MiB"),
            new ScanError(
                "infra/broken.yaml", 7, ScanError.Kind.PARSE, "mapping values are not allowed here")),
        List.of(
            "infra/template.yaml",
            "infra/iam.yaml",
            "functions/orders/requirements.txt",
            "infra/broken.yaml",
            "infra/huge.json",
            "infra/clean.yaml"),
        List.of(PUBLIC_URL, NO_DLQ, NO_TRACING, ADMIN_ROLE, HARD_CODED_SECRET),
        List.of("advisory data is 3 days old (osv cache)"));
  }

  /** The options of the golden files: a source root and one rule known only to the options. */
  public static ReportOptions goldenOptions() {
    return ReportOptions.builder()
        .sourceRoot(java.net.URI.create("file:///home/dev/shop/"))
        .rules(List.of(APIGW_NO_AUTH, PUBLIC_URL))
        .build();
  }

  /** A report with nothing in it: no findings, errors, files or rules. */
  public static Report empty() {
    return new Report("bulwark 0.1.0", STARTED, Duration.ofMillis(8), List.of(), List.of(),
        List.of(), List.of());
  }

  /** {@code n} active findings spread over {@code n / 20} files and four rules. */
  public static Report large(int n) {
    List<RuleMetadata> rules = List.of(PUBLIC_URL, NO_DLQ, ADMIN_ROLE, HARD_CODED_SECRET);
    List<Finding> findings = new ArrayList<>(n);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String file = "stacks/stack-" + (i / 20) + "/template.yaml";
      if (i % 20 == 0) {
        files.add(file);
      }
      findings.add(
          Finding.builder(rules.get(i % rules.size()))
              .message("Function Fn" + i + " & friends <" + i + "> need attention")
              .resource("Fn" + i, "AWS::Serverless::Function")
              .location(SourceLocation.of(file, 1 + i % 20 * 7, 3 + i % 20 * 7))
              .build());
    }
    return new Report("bulwark 0.1.0", STARTED, Duration.ofSeconds(75), findings, List.of(), files,
        rules);
  }
}
