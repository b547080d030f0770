package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @Test
  void aWrittenBaselineReadsBackTheFingerprints(@TempDir Path dir) throws IOException {
    Finding a = finding("LAMBDA-006", "Fn", 10);
    Finding b = finding("IAM-001", "Role", 20);
    Report report = new Report("bulwark test", Instant.EPOCH, Duration.ZERO, List.of(a, b),
        List.of(), List.of("t.yaml"), List.of());
    Path file = dir.resolve("sub/baseline.json");
    Baseline.write(report, file);
    assertThat(Baseline.read(file)).containsExactlyInAnyOrder(a.fingerprint(), b.fingerprint());
  }

  @Test
  void fingerprintsIgnoreLineNumbers() {
    assertThat(finding("LAMBDA-006", "Fn", 10).fingerprint())
        .isEqualTo(finding("LAMBDA-006", "Fn", 42).fingerprint())
        .isNotEqualTo(finding("LAMBDA-006", "Other", 10).fingerprint());
  }

  @Test
  void rejectsFilesThatAreNotBaselines(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"findings\": [\n  {\"fingerprint\": ");
    assertThatThrownBy(() -> Baseline.read(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"name\": \"x\"}");
    assertThatThrownBy(() -> Baseline.read(other))
        .hasMessageContaining("other.json").hasMessageContaining("no \"findings\" list");
    assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.json")))
        .hasMessageContaining("cannot read baseline");
  }

  private static Finding finding(String rule, String resource, int line) {
    return Finding.builder(rule, Severity.HIGH, "title", "fix it.")
        .message("message about " + resource)
        .resource(resource, "AWS::Serverless::Function")
        .location(SourceLocation.of("t.yaml", line))
        .build();
  }
}
