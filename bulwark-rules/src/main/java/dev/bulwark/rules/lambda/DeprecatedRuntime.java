package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-008",
    title = "Function uses a deprecated or soon deprecated runtime",
    severity = Severity.HIGH,
    remediation = "Move the function to a supported runtime of the same language.",
    tags = {"runtime", "patching"})
public final class DeprecatedRuntime implements Rule {

  /** How long before the deprecation date a warning is given. */
  static final int WARNING_DAYS = 180;

  @Override
  public void check(CloudModel model, Findings findings) {
    LocalDate today = findings.settings().asOf();
    for (Function fn : model.functions()) {
      if (fn.packageType().is(t -> t.equalsIgnoreCase("Image"))
          || fn.code().kind() == Function.Code.Kind.IMAGE) {
        continue;
      }
      Optional<RuntimeLifecycle.Dates> dates = RuntimeLifecycle.mildest(fn.runtime().values());
      if (dates.isEmpty()) {
        continue;
      }
      RuntimeLifecycle.Dates d = dates.get();
      long days = ChronoUnit.DAYS.between(today, d.deprecated());
      if (days > WARNING_DAYS) {
        continue;
      }
      String message = "Function " + fn.id() + ": runtime " + d.id()
          + (days <= 0 ? " was deprecated on " + d.deprecated()
              : " will be deprecated on " + d.deprecated() + " (in " + days + " days)")
          + blocked(d, today);
      findings.on(fn).at(fn.runtime()).severity(days <= 0 ? Severity.HIGH : Severity.MEDIUM)
          .report(message);
    }
  }

  private static String blocked(RuntimeLifecycle.Dates d, LocalDate today) {
    LocalDate update = d.blockUpdate();
    if (update == null) {
      return "";
    }
    return update.isAfter(today)
        ? "; updates will be blocked from " + update
        : "; updates have been blocked since " + update;
  }
}
