package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.RuleSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeprecatedRuntimeTest {

  private static List<Finding> scan(CloudModel model, String asOf) {
    return run(new DeprecatedRuntime(), model,
        RuleSettings.builder().asOf(LocalDate.parse(asOf)).build());
  }

  @Test
  void reportsADeprecatedRuntimeAsHighWithItsDeprecationDateAtTheRuntimeLine() {
    CloudModel m = model(function("Orders", 10).runtime("python3.8", 14).build());

    List<Finding> found = scan(m, "2026-03-15");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.location().startLine()).isEqualTo(14);
      assertThat(f.message()).isEqualTo("Function Orders: runtime python3.8 was deprecated on"
          + " 2024-10-14; updates have been blocked since 2026-03-09");
    });
  }

  @Test
  void warnsAsMediumWithinOneHundredEightyDaysOfDeprecation() {
    CloudModel m = model(function("Report", 10).runtime("nodejs20.x", 12).build());

    List<Finding> found = scan(m, "2026-03-15");

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).isEqualTo("Function Report: runtime nodejs20.x will be deprecated"
          + " on 2026-04-30 (in 46 days); updates will be blocked from 2026-09-30");
    });
  }

  @Test
  void warningStartsExactlyOneHundredEightyDaysBeforeTheDeprecationDate() {
    CloudModel m = model(function("Render", 10).runtime("nodejs22.x", 12).build());

    assertThat(scan(m, "2026-11-01")).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    assertThat(scan(m, "2026-10-31")).isEmpty();
  }

  @Test
  void treatsTheDeprecationDayItselfAsDeprecated() {
    CloudModel m = model(function("Render", 10).runtime("nodejs22.x", 12).build());

    assertThat(scan(m, "2027-04-30")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.message()).contains("was deprecated on 2027-04-30");
    });
  }

  @Test
  void omitsTheBlockDateWhenAwsGivesNone() {
    CloudModel m = model(function("Legacy", 10).runtime("ruby3.2", 12).build());

    assertThat(scan(m, "2026-11-01")).singleElement().extracting(Finding::message)
        .isEqualTo("Function Legacy: runtime ruby3.2 was deprecated on 2026-03-31");
  }

  @Test
  void ignoresContainerImageFunctions() {
    CloudModel m = model(function("Thumbnails", 10).image().build());

    assertThat(scan(m, "2030-01-01")).isEmpty();
  }

  @Test
  void staysSilentOnRuntimesItCannotJudge() {
    CloudModel m = model(
        function("Param", 10).runtime(Models.unknown(12, "${PythonRuntime}")).build(),
        function("Future", 20).runtime("python3.15", 22).build(),
        function("Custom", 30).runtime("my-runtime", 32).build(),
        function("Either", 40)
            .runtime(Attr.oneOf(List.of("python3.13", "python3.8"), Models.at(42))).build());

    assertThat(scan(m, "2026-03-15")).isEmpty();
  }

  @Test
  void reportsTheMildestAlternativeWhenEveryAlternativeIsDeprecated() {
    CloudModel m = model(function("Either", 10)
        .runtime(Attr.oneOf(List.of("python3.8", "python3.9"), Models.at(12))).build());

    assertThat(scan(m, "2026-03-15")).singleElement().extracting(Finding::message)
        .asString().contains("runtime python3.9 was deprecated on 2025-12-15");
  }

  @Test
  void matchesRuntimeIdentifiersWhateverTheirCase() {
    CloudModel m = model(function("Shouting", 10).runtime("Python3.8", 12).build());

    assertThat(scan(m, "2026-03-15")).hasSize(1);
  }

  @Test
  void tableHasNoEntryWithABlockDateBeforeItWasAnnounced() {
    for (RuntimeLifecycle.Dates d : RuntimeLifecycle.all().values()) {
      assertThat(d.id()).isLowerCase();
      if (d.blockCreate() != null && d.blockUpdate() != null
          && !d.id().equals("nodejs4.3-edge")) {
        assertThat(d.blockUpdate()).as(d.id()).isAfterOrEqualTo(d.blockCreate());
        assertThat(d.blockCreate()).as(d.id()).isAfterOrEqualTo(d.deprecated());
      }
    }
  }
}
