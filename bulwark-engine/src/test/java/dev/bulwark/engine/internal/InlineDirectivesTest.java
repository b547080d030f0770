package dev.bulwark.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineDirectivesTest {

  @Test
  void readsIdsAndReasonFromAHashComment() {
    var d = InlineDirectives.parse("  AuthType: NONE  # bulwark:ignore LAMBDA-006 public webhook",
        "t.yaml", 7).orElseThrow();
    assertThat(d.ruleIds()).containsExactly("LAMBDA-006");
    assertThat(d.reason()).isEqualTo("public webhook");
    assertThat(d.location().startLine()).isEqualTo(7);
  }

  @Test
  void acceptsSeveralIdsAndSlashComments() {
    var d = InlineDirectives.parse("// bulwark:ignore LAMBDA-006, LAMBDA-007 reviewed by sec",
        "a.js", 1).orElseThrow();
    // the first whitespace ends the id list: "LAMBDA-006," then the reason
    assertThat(d.ruleIds()).containsExactly("LAMBDA-006");
    var tight = InlineDirectives.parse("# bulwark:ignore LAMBDA-006,LAMBDA-007 reviewed", "t", 1)
        .orElseThrow();
    assertThat(tight.ruleIds()).containsExactly("LAMBDA-006", "LAMBDA-007");
    assertThat(tight.reason()).isEqualTo("reviewed");
  }

  @Test
  void aDirectiveWithoutReasonHasABlankReason() {
    var d = InlineDirectives.parse("# bulwark:ignore IAM-001", "t", 3).orElseThrow();
    assertThat(d.reason()).isBlank();
  }

  @Test
  void ignoresTheTokenOutsideAComment() {
    assertThat(InlineDirectives.parse("Description: see bulwark:ignore docs", "t", 1)).isEmpty();
    assertThat(InlineDirectives.parse("# bulwark:ignore", "t", 1)).isEmpty();
  }

  @Test
  void findsDirectivesOnTheLineAndInTheCommentBlockAbove(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.yaml");
    Files.writeString(f, String.join("\n",
        "Resources:",                                   // 1
        "  # bulwark:ignore LAMBDA-006 reason one",     // 2
        "  # another comment",                          // 3
        "  Fn:",                                        // 4
        "    Type: AWS::Serverless::Function  # bulwark:ignore LAMBDA-009 reason two", // 5
        "  Other:",                                     // 6
        "    Type: X"));                                // 7
    InlineDirectives d = new InlineDirectives(Map.of("t.yaml", f), f.getParent(), 1 << 20);
    assertThat(d.at("t.yaml", 4)).extracting(x -> x.ruleIds().get(0))
        .containsExactly("LAMBDA-006");
    assertThat(d.at("t.yaml", 5)).extracting(x -> x.ruleIds().get(0))
        .containsExactly("LAMBDA-009");
    assertThat(d.at("t.yaml", 7)).isEmpty();
    assertThat(d.all("t.yaml")).hasSize(2);
  }
}
