package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

  @Test
  void listsSixteenRulesWithStableWellFormedIdsInOrder() {
    List<String> ids = SecretRules.metadata().stream().map(RuleMetadata::id).toList();

    assertThat(ids).hasSize(16).doesNotHaveDuplicates().isSorted()
        .allMatch(id -> id.matches("SECRET-0\\d\\d"));
    assertThat(ids.get(0)).isEqualTo("SECRET-001");
    assertThat(ids.get(15)).isEqualTo("SECRET-016");
  }

  @Test
  void describesEveryRuleForReportsAndSarif() {
    for (RuleMetadata m : SecretRules.metadata()) {
      assertThat(m.title()).as(m.id()).hasSizeLessThanOrEqualTo(80).doesNotEndWith(".");
      assertThat(m.remediation()).as(m.id()).endsWith(".").doesNotContain("\n");
      assertThat(m.pillar()).isEqualTo("secrets");
      assertThat(m.tags()).contains("secrets");
      assertThat(m.enabledByDefault()).isTrue();
      assertThat(m.help()).as("rules/%s.md", m.id()).startsWith("# " + m.id() + " — ")
          .contains("## Fix");
    }
  }

  @Test
  void mapsEveryKindToARuleAndEveryRuleToAKind() {
    Set<String> ruleIds = new HashSet<>();
    for (SecretKind k : SecretKind.values()) {
      assertThat(SecretRules.byId(k.ruleId())).as(k.name()).isPresent();
      assertThat(k.id()).matches("[a-z0-9-]+");
      ruleIds.add(k.ruleId());
    }
    assertThat(ruleIds).hasSize(SecretRules.metadata().size());
    for (RuleMetadata m : SecretRules.metadata()) {
      assertThat(SecretRules.kinds(m.id())).as(m.id()).isNotEmpty();
      assertThat(m.help()).as(m.id()).contains(SecretRules.kinds(m.id()).get(0).id());
    }
  }

  @Test
  void findsRulesByIdIgnoringCase() {
    assertThat(SecretRules.byId("secret-004")).map(RuleMetadata::title)
        .hasValue("Hard-coded GitHub token");
    assertThat(SecretRules.byId("SECRET-999")).isEmpty();
  }
}
