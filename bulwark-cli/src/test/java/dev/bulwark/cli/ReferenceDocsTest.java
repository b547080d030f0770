package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generated documents in the repository match the code. */
class ReferenceDocsTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void cliReferenceIsUpToDate() throws IOException {
    Path file = ROOT.resolve("docs/cli.md");
    String expected = ReferenceDocs.cliReference();
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("docs/cli.md is stale; regenerate with -Dgolden.update=true")
        .isEqualTo(expected);
  }

  @Test
  void readmeRuleTableIsUpToDate() throws IOException {
    Path file = ROOT.resolve("README.md");
    String readme = Files.readString(file, StandardCharsets.UTF_8);
    int begin = readme.indexOf(ReferenceDocs.RULES_BEGIN);
    int end = readme.indexOf(ReferenceDocs.RULES_END);
    assertThat(begin).as("README.md has the rule table markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String current = readme.substring(begin, end + ReferenceDocs.RULES_END.length());
    String expected = ReferenceDocs.ruleTable();
    if (UPDATE && !current.equals(expected)) {
      readme = readme.substring(0, begin) + expected
          + readme.substring(end + ReferenceDocs.RULES_END.length());
      Files.writeString(file, readme, StandardCharsets.UTF_8);
      current = expected;
    }
    assertThat(current).as("README.md rule table is stale; regenerate with -Dgolden.update=true")
        .isEqualTo(expected);
  }
}
