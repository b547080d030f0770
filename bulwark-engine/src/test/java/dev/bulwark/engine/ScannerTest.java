package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan end to end, through the real adapter and the built-in rules. */
class ScannerTest {

  private static final String PUBLIC_URL = """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Webhook:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/
            Handler: app.handler
            Runtime: python3.12
            FunctionUrlConfig:
              AuthType: NONE
      """;

  @TempDir Path dir;

  private Report scan(ScanRequest.Builder b) {
    return new Scanner().scan(b.workingDirectory(dir).build());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static List<Finding> of(Report r, String rule) {
    return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  @Test
  void reportsFindingsWithFileLineAndResource() throws IOException {
    write("template.yaml", PUBLIC_URL);
    Report r = scan(ScanRequest.builder().path(dir));
    assertThat(r.scannedFiles()).containsExactly("template.yaml");
    assertThat(r.errors()).isEmpty();
    Finding url = of(r, "LAMBDA-006").get(0);
    assertThat(url.location().file()).isEqualTo("template.yaml");
    assertThat(url.location().startLine()).isEqualTo(11);
    assertThat(url.isSuppressed()).isFalse();
    assertThat(r.rules()).extracting(m -> m.id()).contains("LAMBDA-006", "META-001");
  }

  @Test
  void anInlineCommentWithAReasonSuppresses() throws IOException {
    write("template.yaml", PUBLIC_URL.replace("AuthType: NONE",
        "AuthType: NONE  # bulwark:ignore LAMBDA-006 public webhook verified by HMAC"));
    Report r = scan(ScanRequest.builder().path(dir));
    Finding url = of(r, "LAMBDA-006").get(0);
    assertThat(url.suppression()).isNotNull();
    assertThat(url.suppression().kind()).isEqualTo(Suppression.Kind.INLINE);
    assertThat(url.suppression().reason()).isEqualTo("public webhook verified by HMAC");
    assertThat(of(r, "META-001")).isEmpty();
  }

  @Test
  void aSuppressionWithoutReasonSuppressesNothingAndIsItselfAFinding() throws IOException {
    write("template.yaml", PUBLIC_URL.replace("      FunctionUrlConfig:",
        "      # bulwark:ignore LAMBDA-006\n      FunctionUrlConfig:"));
    Report r = scan(ScanRequest.builder().path(dir));
    assertThat(of(r, "LAMBDA-006")).allMatch(f -> !f.isSuppressed());
    assertThat(of(r, "META-001")).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(10);
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    });
  }

  @Test
  void resourceMetadataSuppressesTheResourceAndWhatItGenerates() throws IOException {
    String withMetadata = PUBLIC_URL.replace("    Type: AWS::Serverless::Function\n",
        "    Type: AWS::Serverless::Function\n"
            + "    Metadata:\n"
            + "      bulwark:\n"
            + "        ignore:\n"
            + "          - id: LAMBDA-006\n"
            + "            reason: public by design, signed requests\n"
            + "          - id: COMBO-003\n");
    assertThat(withMetadata).contains("Metadata:");
    write("template.yaml", withMetadata);
    Report r = scan(ScanRequest.builder().path(dir));
    assertThat(of(r, "LAMBDA-006")).isNotEmpty().allSatisfy(f -> {
      assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.METADATA);
      assertThat(f.suppression().reason()).isEqualTo("public by design, signed requests");
    });
    assertThat(of(r, "COMBO-003")).isNotEmpty().allMatch(f -> !f.isSuppressed());
    assertThat(of(r, "META-001")).hasSize(1);
  }

  @Test
  void aBaselineSuppressesKnownFindingsOnlyAndSurvivesLineShifts() throws IOException {
    write("template.yaml", PUBLIC_URL);
    Path baseline = dir.resolve("baseline.json");
    Baseline.write(scan(ScanRequest.builder().path(dir)), baseline);
    write("template.yaml", "# a new first line\n" + PUBLIC_URL
        + "  Other:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: false\n");
    Report r = scan(ScanRequest.builder().path(dir.resolve("template.yaml")).baseline(baseline));
    assertThat(of(r, "LAMBDA-006")).allSatisfy(f ->
        assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.BASELINE));
    assertThat(of(r, "SQS-001")).singleElement().satisfies(f ->
        assertThat(f.isSuppressed()).isFalse());
  }

  @Test
  void selectsRulesByIdPrefixAndProfile() throws IOException {
    write("template.yaml", PUBLIC_URL);
    Report only = scan(ScanRequest.builder().path(dir).onlyRules(Set.of("LAMBDA-00*")));
    assertThat(only.findings()).extracting(Finding::ruleId)
        .allMatch(id -> id.startsWith("LAMBDA-00") || id.equals("META-001"));
    Report skip = scan(ScanRequest.builder().path(dir).skipRules(Set.of("LAMBDA-006")));
    assertThat(of(skip, "LAMBDA-006")).isEmpty();
    Report baseline = scan(ScanRequest.builder().path(dir));
    assertThat(of(baseline, "LAMBDA-010")).as("off by default").isEmpty();
    Report all = scan(ScanRequest.builder().path(dir).allRules(true));
    assertThat(of(all, "LAMBDA-010")).hasSize(1);
    assertThatThrownBy(() -> scan(ScanRequest.builder().path(dir).onlyRules(Set.of("NOPE-1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown rule 'NOPE-1'");
  }

  @Test
  void dropsFindingsBelowTheMinimumSeverity() throws IOException {
    write("template.yaml", PUBLIC_URL);
    Report r = scan(ScanRequest.builder().path(dir).minSeverity(Severity.HIGH));
    assertThat(r.findings()).isNotEmpty()
        .allMatch(f -> f.severity().isAtLeast(Severity.HIGH));
  }

  @Test
  void badFilesBecomeErrorsAndTheOthersAreStillScanned() throws IOException {
    write("good/template.yaml", PUBLIC_URL);
    write("broken/template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [1\n");
    Files.write(dir.resolve("binary.json"), new byte[] {0, 1, 2, (byte) 0xff, 0});
    write("notes/readme.yaml", "title: not a template\n");
    Report r = scan(ScanRequest.builder().path(dir));
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("broken/template.yaml");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.line()).isPositive();
    });
    assertThat(of(r, "LAMBDA-006")).extracting(f -> f.location().file())
        .containsExactly("good/template.yaml");
  }

  @Test
  void parallelAndSerialScansGiveTheSameReport() throws IOException {
    for (int i = 0; i < 12; i++) {
      write("app" + i + "/template.yaml", PUBLIC_URL.replace("Webhook", "Webhook" + i));
    }
    Report serial = scan(ScanRequest.builder().path(dir).threads(1));
    Report parallel = scan(ScanRequest.builder().path(dir).threads(4));
    assertThat(parallel.findings()).isEqualTo(serial.findings());
    assertThat(parallel.scannedFiles()).isEqualTo(serial.scannedFiles()).hasSize(12);
  }
}
