package dev.bulwark.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineDirectiveTest {

  @Test
  void readsIdsAndReasonAfterEveryCommentOpener() {
    for (String opener : new String[] {"#", "//", "/*", "<!--", "--"}) {
      InlineDirective d = InlineDirective.parse(
          "value " + opener + " Bulwark:Ignore SECRET-015,DEP-001 test fixture, not a key")
          .orElseThrow();
      assertThat(d.ruleIds()).as(opener).containsExactly("SECRET-015", "DEP-001");
      assertThat(d.reason()).isEqualTo("test fixture, not a key");
      assertThat(d.names("dep-001")).isTrue();
      assertThat(d.names("IAM-001")).isFalse();
    }
  }

  @Test
  void dropsClosersAndKeepsABlankReasonWhenThereIsNone() {
    InlineDirective xml = InlineDirective.parse("<!-- bulwark:ignore DEP-001 pinned by vendor -->")
        .orElseThrow();
    assertThat(xml.reason()).isEqualTo("pinned by vendor");
    InlineDirective block = InlineDirective.parse("/* bulwark:ignore IAM-001 */").orElseThrow();
    assertThat(block.ruleIds()).containsExactly("IAM-001");
    assertThat(block.reason()).isEmpty();
  }

  @Test
  void theTokenOutsideACommentOrWithoutIdsIsNoDirective() {
    assertThat(InlineDirective.parse("Description: see bulwark:ignore docs")).isEmpty();
    assertThat(InlineDirective.parse("# bulwark:ignore")).isEmpty();
    assertThat(InlineDirective.parse("# bulwark:ignore   ")).isEmpty();
    assertThat(InlineDirective.parse("# nothing here")).isEmpty();
    assertThat(InlineDirective.indexOfToken("x # BULWARK:IGNORE y")).isEqualTo(4);
  }

  @Test
  void commentLinesOfEveryKindAreRecognised() {
    assertThat(InlineDirective.isCommentLine("   # note")).isTrue();
    assertThat(InlineDirective.isCommentLine("  -- sql")).isTrue();
    assertThat(InlineDirective.isCommentLine("   * javadoc")).isTrue();
    assertThat(InlineDirective.isCommentLine("  Fn:")).isFalse();
  }
}
