package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-020",
    title = "Function has no owner tag",
    severity = Severity.LOW,
    remediation = "Tag the function with the team that owns it.",
    tags = {"governance", "inventory"})
public final class MissingOwnerTag implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    String key = findings.settings().ownerTagKey();
    for (Function fn : model.functions()) {
      Optional<Attr<String>> tag = find(fn.meta().tags(), key);
      if (tag.isEmpty()) {
        findings.report(fn, "Function " + fn.id() + " has no '" + key + "' tag");
      } else if (tag.get().is(v -> v.isBlank())) {
        findings.report(fn, tag.get(), "Function " + fn.id() + ": tag '" + key + "' is empty");
      }
    }
  }

  /** Tag keys are case-sensitive in AWS, but Owner and owner mean the same to people. */
  private static Optional<Attr<String>> find(Map<String, Attr<String>> tags, String key) {
    for (Map.Entry<String, Attr<String>> e : tags.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
