package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
      // with alternatives (Fn::If), the mildest one: every alternative is at least that bad
      Optional<RuntimeLifecycle.Dates> dates = mildest(fn.runtime().values());
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

  private static Optional<RuntimeLifecycle.Dates> mildest(List<String> runtimes) {
    List<RuntimeLifecycle.Dates> known = new ArrayList<>();
    for (String r : runtimes) {
      Optional<RuntimeLifecycle.Dates> d = RuntimeLifecycle.of(r);
      if (d.isEmpty()) {
        return Optional.empty();
      }
      known.add(d.get());
    }
    return known.stream().max(Comparator.comparing(RuntimeLifecycle.Dates::deprecated));
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
