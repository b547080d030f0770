package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command as a user runs it: exit codes, formats, files, errors. */
class ScanCommandTest {

  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Auth:
          Type: String
          Default: NONE
      Resources:
        Webhook:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: app.handler
            Runtime: python3.12
            FunctionUrlConfig:
              AuthType: !Ref Auth
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path template() throws IOException {
    Path p = dir.resolve("template.yaml");
    Files.writeString(p, TEMPLATE);
    return p;
  }

  @Test
  void exitsWithOneWhenFindingsReachTheFailOnSeverity() throws IOException {
    Path t = template();
    Run r = run("scan", t.toString(), "--color", "never");
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("LAMBDA-006").contains("line 15").doesNotContain("\u001b[");
    assertThat(run("scan", t.toString(), "--fail-on", "critical").code()).isEqualTo(ExitCodes.OK);
    assertThat(run("scan", t.toString(), "--fail-on", "none").code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void parameterOverridesChangeTheOutcome() throws IOException {
    Path t = template();
    Path params = dir.resolve("params.json");
    Files.writeString(params, "[{\"ParameterKey\": \"Auth\", \"ParameterValue\": \"AWS_IAM\"}]");
    assertThat(findingIds(run("scan", t.toString(), "-f", "json").out())).contains("LAMBDA-006");
    Run file = run("scan", t.toString(), "--parameters", params.toString(), "-f", "json");
    assertThat(findingIds(file.out())).isNotEmpty().doesNotContain("LAMBDA-006");
    Run inline = run("scan", t.toString(), "-P", "Auth=AWS_IAM", "-f", "json");
    assertThat(findingIds(inline.out())).isNotEmpty().doesNotContain("LAMBDA-006");
  }

  private static java.util.List<String> findingIds(String json) throws IOException {
    java.util.List<String> ids = new java.util.ArrayList<>();
    new ObjectMapper().readTree(json).get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
    return ids;
  }

  @Test
  void writesJsonAndSarifToAFile() throws IOException {
    Path t = template();
    Path json = dir.resolve("out/report.json");
    Run r = run("scan", t.toString(), "--format", "json", "--output", json.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrote the json report");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    JsonNode finding = report.get("findings").get(0);
    assertThat(finding.get("location").get("file").asText()).endsWith("template.yaml");
    assertThat(finding.has("ruleId")).isTrue();
    Path sarif = dir.resolve("report.sarif");
    run("scan", t.toString(), "-f", "sarif", "-o", sarif.toString());
    assertThat(new ObjectMapper().readTree(sarif.toFile()).get("version").asText())
        .isEqualTo("2.1.0");
  }

  @Test
  void aBaselineMakesCiFailOnlyOnNewFindings() throws IOException {
    Path t = template();
    Path baseline = dir.resolve("baseline.json");
    Run write = run("scan", t.toString(), "--baseline-write", baseline.toString());
    assertThat(write.err()).contains("wrote").contains("baseline");
    assertThat(run("scan", t.toString(), "--baseline", baseline.toString()).code())
        .isEqualTo(ExitCodes.OK);
    Files.writeString(t, TEMPLATE + "  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
        + "      SqsManagedSseEnabled: false\n");
    Run after = run("scan", t.toString(), "--baseline", baseline.toString(), "--color", "never");
    assertThat(after.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(after.out()).contains("SQS-001").doesNotContain("LAMBDA-006");
  }

  @Test
  void scanErrorsExitWithThreeUnlessKeepGoing() throws IOException {
    Path t = template();
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n");
    Run r = run("scan", t.toString(), broken.toString(), "--fail-on", "none");
    assertThat(r.code()).isEqualTo(ExitCodes.SCAN_ERROR);
    assertThat(r.out()).contains("broken.yaml:").contains("parse").contains("LAMBDA-006");
    assertThat(run("scan", t.toString(), broken.toString(), "--fail-on", "none", "--keep-going")
        .code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void usageErrorsExitWithTwoAndNameTheProblem() throws IOException {
    Path t = template();
    Path params = dir.resolve("bad-params.json");
    Files.writeString(params, "{\"Parameters\": [1, 2]}");
    Run bad = run("scan", t.toString(), "--parameters", params.toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--parameters").contains("bad-params.json")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run("scan", t.toString(), "--as-of", "yesterday").err())
        .contains("--as-of: 'yesterday' is not a date");
    assertThat(run("scan", t.toString(), "--rules", "NOPE-001").err())
        .contains("unknown rule 'NOPE-001'");
    assertThat(run("scan", t.toString(), "--trusted-accounts", "12").code())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("scan", "--frobnicate").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void rulesCanBeListedAndExplained() {
    Run list = run("rules");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("LAMBDA-006").contains("META-001").contains("rules.");
    Run explain = run("rules", "explain", "lambda-006");
    assertThat(explain.out()).startsWith("LAMBDA-006").contains("Remediation:");
    assertThat(list.out()).contains("DEP-001").contains("SECRET-001");
    assertThat(run("rules", "explain", "DEP-001").out()).startsWith("DEP-001");
    assertThat(run("rules", "explain", "secret-001").code()).isZero();
    assertThat(run("rules", "explain", "X-1").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("rules", "--format", "json").out()).startsWith("[");
  }
}
