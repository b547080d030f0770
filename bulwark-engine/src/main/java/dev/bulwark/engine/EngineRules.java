package dev.bulwark.engine;

import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.Severity;
import dev.bulwark.rules.RuleCatalog;
import java.util.List;

/** Findings the engine itself produces, about the scan's own configuration. */
public final class EngineRules {

  /** An inline or metadata suppression that gives no reason; it suppresses nothing. */
  public static final RuleMetadata SUPPRESSION_WITHOUT_REASON =
      new RuleMetadata(
          "META-001",
          "Suppression without a reason",
          Severity.MEDIUM,
          "Add the reason after the rule id, e.g. '# bulwark:ignore LAMBDA-006 public webhook"
              + " verified by HMAC'.",
          List.of("suppression", "governance"),
          List.of(),
          true,
          RuleCatalog.doc(EngineRules.class, "META-001").orElse(""),
          "posture");

  private EngineRules() {}

  public static List<RuleMetadata> all() {
    return List.of(SUPPRESSION_WITHOUT_REASON);
  }
}
