package dev.bulwark.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportOrderTest {

  private static Finding finding(String file, int line, String rule, String resource, String key) {
    return Finding.builder(rule, Severity.HIGH, "title", "fix it")
        .location(SourceLocation.of(file, line))
        .resource(resource == null ? null : new ResourceRef(resource, "AWS::Lambda::Function"))
        .key(key)
        .message(rule + " on " + resource)
        .build();
  }

  @Test
  void findingsAreOrderedByFileLineRuleResourceAndKey() {
    List<Finding> expected = List.of(
        finding("a.yaml", 2, "IAM-001", "Fn", "x"),
        finding("a.yaml", 10, "IAM-001", null, "a"),
        finding("a.yaml", 10, "IAM-001", "Alpha", "a"),
        finding("a.yaml", 10, "IAM-001", "Alpha", "b"),
        finding("a.yaml", 10, "LAMBDA-002", "Alpha", "a"),
        finding("b.yaml", 1, "APIGW-001", "Api", "k"));
    List<Finding> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    Report r = new Report("bulwark 0", Instant.EPOCH, Duration.ZERO, shuffled, List.of(),
        List.of(), List.of(), List.of());
    assertThat(r.findings()).containsExactlyElementsOf(expected);
  }

  @Test
  void findingsWithoutPropertiesShareTheEmptyMap() {
    Finding f = finding("a.yaml", 1, "IAM-001", "Fn", "k");
    assertThat(f.properties()).isSameAs(Map.of());
    Finding withProperty = Finding.builder("DEP-001", Severity.LOW, "t", "r")
        .property("package", "lodash").message("lodash 4.17.20").build();
    assertThat(withProperty.properties()).containsExactly(Map.entry("package", "lodash"));
  }
}
