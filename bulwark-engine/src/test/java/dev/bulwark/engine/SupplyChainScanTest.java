package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies and secrets of each function, joined to the posture scan. */
class SupplyChainScanTest {

  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        AdminPassword:
          Type: String
          Default: Zq7#mLp2vX9!rT4wK8sB
      Resources:
        PublicFn:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/public/
            Handler: app.handler
            Runtime: python3.12
            FunctionUrlConfig:
              AuthType: NONE
            Environment:
              Variables:
                DB_PASSWORD: hunter2-is-not-a-good-password
        PrivateFn:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: src/private/
            Handler: app.handler
            Runtime: python3.12
      """;

  private static final String ADVISORY = """
      {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-02T00:00:00Z",
       "aliases": ["CVE-2099-0001"], "summary": "Code execution in the loader",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
       "affected": [{"package": {"ecosystem": "PyPI", "name": "pyyaml"},
                     "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"},
                                                                {"fixed": "5.4"}]}]}]}
      """;

  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Report scan(ScanRequest.Builder b) {
    return new Scanner().scan(b.path(dir).workingDirectory(dir).build());
  }

  private void app() throws IOException {
    write("template.yaml", TEMPLATE);
    write("src/public/requirements.txt", "PyYAML==5.3.1\n");
    write("src/public/app.py", "def handler(e, c):\n    return 1\n");
    write("src/private/requirements.txt", "PyYAML==5.3.1\nrequests==2.32.3\n");
    write("src/private/config.py",
        "GITLAB = 'glpat-" + "Xr4kP9vB2mQ7tZ1wYc6N" + "'\n");
    write("advisories/GHSA-aaaa-bbbb-cccc.json", ADVISORY);
  }

  private static List<Finding> of(Report r, String prefix) {
    return r.findings().stream().filter(f -> f.ruleId().startsWith(prefix)).toList();
  }

  @Test
  void vulnerableDependenciesNameTheFunctionsAndExposureRaisesThem() throws IOException {
    app();
    Report r = scan(ScanRequest.builder().advisoryFolder(dir.resolve("advisories")));
    List<Finding> deps = of(r, "DEP-001");
    assertThat(deps).hasSize(2);
    Finding exposed = deps.stream()
        .filter(f -> f.location().file().equals("src/public/requirements.txt")).findFirst()
        .orElseThrow();
    assertThat(exposed.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(exposed.message()).contains("PublicFn is reachable without authentication")
        .contains("CVE-2099-0001").contains("fix: upgrade to 5.4");
    assertThat(exposed.location().startLine()).isEqualTo(1);
    Finding internal = deps.stream()
        .filter(f -> f.location().file().equals("src/private/requirements.txt")).findFirst()
        .orElseThrow();
    assertThat(internal.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(internal.properties()).containsEntry("functions", "PrivateFn")
        .doesNotContainKey("priority");
    assertThat(r.notes()).anyMatch(n -> n.startsWith("advisory data: 1 advisories"));
    assertThat(r.rules()).extracting(m -> m.id()).contains("DEP-001", "SECRET-001");
  }

  @Test
  void secretsInCodeAndTemplateAreReportedOnceAndNeverInFull() throws IOException {
    app();
    Report r = scan(ScanRequest.builder());
    List<Finding> secrets = of(r, "SECRET-");
    assertThat(secrets).anySatisfy(f -> {
      assertThat(f.location().file()).isEqualTo("src/private/config.py");
      assertThat(f.properties()).containsEntry("functions", "PrivateFn");
    });
    assertThat(of(r, "LAMBDA-011")).hasSize(1);
    assertThat(secrets).noneMatch(f -> f.location().file().equals("template.yaml")
        && f.location().startLine() == 18);
    assertThat(secrets).anySatisfy(f -> {
      assertThat(f.location().file()).isEqualTo("template.yaml");
      assertThat(f.location().startLine()).isEqualTo(6);
    });
    for (Finding f : r.findings()) {
      assertThat(f.toString()).doesNotContain("Xr4kP9vB2mQ7tZ1wYc6N")
          .doesNotContain("Zq7#mLp2vX9!rT4wK8sB").doesNotContain("hunter2-is-not");
    }
    assertThat(r.notes()).anyMatch(n -> n.startsWith("no advisory data"));
  }

  @Test
  void aVulnerabilityIsSuppressedByAnInlineCommentWithAReasonInTheLockfile() throws IOException {
    app();
    write("src/public/requirements.txt",
        "# bulwark:ignore DEP-001 loader only parses our own files\nPyYAML==5.3.1\n");
    write("src/private/requirements.txt",
        "# bulwark:ignore DEP-001\nPyYAML==5.3.1\nrequests==2.32.3\n");
    Report r = scan(ScanRequest.builder().advisoryFolder(dir.resolve("advisories")));
    Finding reasoned = of(r, "DEP-001").stream()
        .filter(f -> f.location().file().equals("src/public/requirements.txt")).findFirst()
        .orElseThrow();
    assertThat(reasoned.suppression()).isNotNull();
    assertThat(reasoned.suppression().reason()).isEqualTo("loader only parses our own files");
    Finding reasonless = of(r, "DEP-001").stream()
        .filter(f -> f.location().file().equals("src/private/requirements.txt")).findFirst()
        .orElseThrow();
    assertThat(reasonless.suppression()).isNull();
    assertThat(of(r, "META-001")).anySatisfy(
        f -> assertThat(f.location().file()).isEqualTo("src/private/requirements.txt"));
  }

  @Test
  void thePillarsCanBeTurnedOffOrDeselected() throws IOException {
    app();
    Report none = scan(ScanRequest.builder().dependencies(false).secrets(false)
        .advisoryFolder(dir.resolve("advisories")));
    assertThat(of(none, "DEP-")).isEmpty();
    assertThat(of(none, "SECRET-")).isEmpty();
    assertThat(none.notes()).isEmpty();
    Report skipped = scan(ScanRequest.builder().skipRules(java.util.Set.of("SECRET-*"))
        .advisoryFolder(dir.resolve("advisories")));
    assertThat(of(skipped, "SECRET-")).isEmpty();
    assertThat(of(skipped, "DEP-")).hasSize(2);
  }

  @Test
  void aBrokenLockfileIsAnErrorAndTheRestGoesOn() throws IOException {
    app();
    write("src/private/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": [");
    Report r = scan(ScanRequest.builder().advisoryFolder(dir.resolve("advisories")));
    assertThat(r.errors()).anySatisfy(e ->
        assertThat(e.file()).isEqualTo("src/private/package-lock.json"));
    assertThat(of(r, "DEP-001")).hasSize(2);
  }
}
