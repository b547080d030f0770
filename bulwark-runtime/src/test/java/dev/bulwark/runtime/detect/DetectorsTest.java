package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorsTest {

  private static final Input SQL = Input.value("body.$.q", "1' OR '1'='1");
  private static final Input HTML = Input.value("body.$.html", "<img src=x onerror=alert(1)>");

  @Test
  void defaultsCoverEveryAttackClass() {
    assertThat(Detectors.defaults().builtInClasses())
        .containsExactlyInAnyOrder(AttackClass.values());
    assertThat(Detectors.defaults().detectors()).hasSize(AttackClass.values().length);
  }

  @Test
  void reportsAtMostOneDetectionPerClassForAnInput() {
    Input many = Input.value("q", "1 UNION SELECT 1; DROP TABLE t; SELECT SLEEP(5)");
    List<Detection> found = Detectors.defaults().detect(many);

    assertThat(found).extracting(Detection::attackClass).doesNotHaveDuplicates();
  }

  @Test
  void carriesTheInputsLocationInEveryDetection() {
    assertThat(Detectors.defaults().detect(SQL))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.location()).isEqualTo("body.$.q"));
  }

  @Test
  void runsOnlyTheChosenClasses() {
    Detectors onlyXss = Detectors.forClasses(EnumSet.of(AttackClass.XSS));

    assertThat(onlyXss.detect(SQL)).isEmpty();
    assertThat(onlyXss.detect(HTML)).extracting(Detection::attackClass)
        .containsExactly(AttackClass.XSS);
  }

  @Test
  void combinesOwnDetectorsWithBuiltInOnes() {
    Detector shouting = in -> in.value().equals("HACK")
        ? List.of(new Detection(AttackClass.XSS, "custom.shouting", 0.5, in.location(), "HACK"))
        : List.of();
    Detectors mixed = Detectors.of(List.of(shouting, Detectors.forClasses(
        EnumSet.of(AttackClass.SQL_INJECTION)).detectors().get(0)));

    assertThat(mixed.detect(Input.value("q", "HACK"))).extracting(Detection::rule)
        .containsExactly("custom.shouting");
    assertThat(mixed.detect(SQL)).extracting(Detection::attackClass)
        .containsExactly(AttackClass.SQL_INJECTION);
  }

  @Test
  void treatsAFailingDetectorAsHavingFoundNothing() {
    Detector broken = in -> {
      throw new IllegalStateException("bug in a detector");
    };
    Detectors withBroken = Detectors.of(List.of(broken, Detectors.defaults().detectors().get(0)));

    assertThat(withBroken.detect(SQL)).extracting(Detection::attackClass)
        .containsExactly(AttackClass.SQL_INJECTION);
  }

  @Test
  void detectsAcrossAllInputsOfAnEventInOrder() {
    List<Detection> found = Detectors.defaults().detectAll("POST /x",
        List.of(HTML, Input.value("body.$.name", "Ada"), SQL));

    assertThat(found).extracting(Detection::location).containsExactly("body.$.html", "body.$.q");
  }

  @Test
  void returnsAnEmptyListForCleanInput() {
    assertThat(Detectors.defaults().detect(Input.value("q", "plain words"))).isEmpty();
    assertThat(Detectors.defaults().detectAll("GET /", List.of())).isEmpty();
  }

  @Test
  void appliesFieldExceptionsOnEveryRoute() {
    Detectors d = Detectors.defaults().withExceptions(DetectionExceptions.builder()
        .exemptField("body.$.html", AttackClass.XSS)
        .build());

    assertThat(d.detect("POST /a", HTML)).isEmpty();
    assertThat(d.detect(HTML)).isEmpty();
    assertThat(d.detect("POST /a", Input.value("body.$.other", HTML.value()))).isNotEmpty();
  }

  @Test
  void appliesRouteExceptionsOnlyOnThatRouteAndOnlyForTheirClasses() {
    Detectors d = Detectors.defaults().withExceptions(DetectionExceptions.builder()
        .exemptRoute("POST /reports", AttackClass.SQL_INJECTION)
        .build());

    assertThat(d.detect("POST /reports", SQL)).isEmpty();
    assertThat(d.detect("POST /reports", HTML)).isNotEmpty();
    assertThat(d.detect("POST /orders", SQL)).isNotEmpty();
    assertThat(d.detect(SQL)).as("unknown route").isNotEmpty();
  }

  @Test
  void appliesExceptionsToOwnDetectorsToo() {
    Detector always = in -> List.of(new Detection(AttackClass.SSRF, "custom.any", 0.9,
        in.location(), ""));
    Detectors d = Detectors.of(List.of(always)).withExceptions(DetectionExceptions.builder()
        .exemptField("query.*", AttackClass.SSRF).build());

    assertThat(d.detect(Input.value("query.url", "x"))).isEmpty();
    assertThat(d.detect(Input.value("body.$.url", "x"))).hasSize(1);
  }

  @Test
  void keepsItsDetectorListImmutable() {
    assertThatThrownBy(() -> Detectors.defaults().detectors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> Detectors.defaults().detect(null, SQL))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("routeKey");
    assertThatThrownBy(() -> Detectors.of(null)).isInstanceOf(NullPointerException.class);
  }
}
