package dev.bulwark.core;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is, independent of how it is implemented: used by reporters (SARIF rule metadata),
 * {@code bulwark rules} and the engine's filters.
 *
 * @param id stable id such as {@code LAMBDA-003}
 * @param title neutral statement of the problem, at most 80 characters, no trailing period
 * @param severity default severity of the findings
 * @param remediation one imperative sentence
 * @param tags free-form tags ({@code exposure}, {@code iam}, {@code logging}, …)
 * @param aliases former ids that suppressions may still use
 * @param enabledByDefault false for rules only in the {@code all} profile
 * @param help long description in Markdown (may be empty)
 * @param pillar which part of Bulwark produces the findings ({@code posture}, {@code deps},
 *     {@code secrets})
 */
public record RuleMetadata(
    String id,
    String title,
    Severity severity,
    String remediation,
    List<String> tags,
    List<String> aliases,
    boolean enabledByDefault,
    String help,
    String pillar) {

  public RuleMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remediation, "remediation");
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(pillar, "pillar");
  }

  /** True when {@code idOrAlias} names this rule. */
  public boolean answersTo(String idOrAlias) {
    return id.equalsIgnoreCase(idOrAlias)
        || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(idOrAlias));
  }
}
