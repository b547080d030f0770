package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code src/test/resources/fixtures} is a realistic file whose secrets are
 * markers ({@code @@ghp@@}) filled with made-up values. A line holding {@code expect: SECRET-004
 * github-token high} announces a finding of that rule (and kind and severity, when given) on the
 * next line that is not itself an expectation. The test fails on a missing finding, an unexpected
 * finding, or a finding that shows any eight characters of a generated secret.
 */
class FixtureTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private static final SecretScanner SCANNER = SecretScanner.builder().clock(CLOCK).build();

  static Path root() {
    try {
      return Path.of(FixtureTest.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> fixtures() throws IOException {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** A fixture after its markers were filled. */
  record Filled(String name, String text, FakeSecrets secrets) {}

  static Filled fill(String name) {
    try {
      String template = Files.readString(root().resolve(name), StandardCharsets.UTF_8);
      FakeSecrets fake = new FakeSecrets(name.hashCode());
      return new Filled(name, fake.fill(template), fake);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedSecretsOfEachFixture(String name) {
    Filled f = fill(name);
    SecretScanResult result = SCANNER.scan(TextInput.of(name, f.text()));

    assertThat(result.errors()).isEmpty();
    assertThat(actual(result.findings())).as("findings in %s", name)
        .isEqualTo(expected(f.text()));
    assertRedacted(result.findings(), f.secrets());
  }

  @Test
  void findsTheSameSecretsWhenTheFixturesAreFilesInAFolder(@TempDir Path dir) throws IOException {
    Map<String, TreeSet<String>> expected = new TreeMap<>();
    List<FakeSecrets> all = new ArrayList<>();
    for (String name : fixtures().toList()) {
      Filled f = fill(name);
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.text(), StandardCharsets.UTF_8);
      all.add(f.secrets());
      for (String e : expected(f.text())) {
        expected.computeIfAbsent("fixtures/" + name, k -> new TreeSet<>()).add(e);
      }
    }

    SecretScanResult result = SCANNER.scanPath(dir, "fixtures");

    assertThat(result.errors()).isEmpty();
    Map<String, TreeSet<String>> actual = new TreeMap<>();
    for (Finding finding : result.findings()) {
      actual.computeIfAbsent(finding.location().file(), k -> new TreeSet<>())
          .addAll(actual(List.of(finding)));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(result.filesScanned()).isEqualTo(fixtures().count());
    for (FakeSecrets secrets : all) {
      assertRedacted(result.findings(), secrets);
    }
  }

  /** {@code "12 SECRET-004 github-token high"} for each finding. */
  static TreeSet<String> actual(List<Finding> findings) {
    TreeSet<String> out = new TreeSet<>();
    for (Finding f : findings) {
      out.add(f.location().startLine() + " " + f.ruleId() + " " + f.properties().get("kind") + " "
          + f.severity().label());
    }
    return out;
  }

  /**
   * The expectations of a filled fixture. A missing kind or severity is filled from what the
   * rule's default would be, so fixtures only spell out what they test.
   */
  static TreeSet<String> expected(String text) {
    TreeSet<String> out = new TreeSet<>();
    String[] lines = text.split("\n", -1);
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf("expect:");
      if (at >= 0) {
        pending.add(lines[i].substring(at + "expect:".length()));
        continue;
      }
      for (String p : pending) {
        out.add((i + 1) + " " + normalise(p));
      }
      pending.clear();
    }
    assertThat(pending).as("expectations after the last line").isEmpty();
    return out;
  }

  private static String normalise(String expectation) {
    String cleaned = expectation;
    for (String end : new String[] {"-->", "*/", "\""}) {
      int e = cleaned.indexOf(end);
      if (e >= 0) {
        cleaned = cleaned.substring(0, e);
      }
    }
    String[] parts = cleaned.trim().split("\\s+");
    String rule = parts[0];
    String kind = parts.length > 1 ? parts[1] : SecretRules.kinds(rule).get(0).id();
    String severity = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT)
        : SecretRules.byId(rule).orElseThrow().severity().label();
    return rule + " " + kind + " " + severity;
  }

  /** No field of any finding holds eight consecutive characters of a generated secret. */
  static void assertRedacted(List<Finding> findings, FakeSecrets secrets) {
    for (Finding f : findings) {
      String fields = String.join("\n", f.ruleId(), f.title(), f.message(), f.key(),
          f.remediation(), f.location().toString(), String.valueOf(f.resource()),
          f.properties().toString(), f.toString());
      for (FakeSecrets.Generated g : secrets.generated()) {
        String secret = g.secretPart();
        for (int i = 0; i + 8 <= secret.length(); i++) {
          assertThat(fields).as("finding %s must not show %s", f.location(), g.marker())
              .doesNotContain(secret.substring(i, i + 8));
        }
      }
    }
  }
}
