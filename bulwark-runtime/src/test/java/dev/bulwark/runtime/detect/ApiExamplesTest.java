package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in the Javadoc and in docs/runtime.md (Detection), kept compiling and true. */
class ApiExamplesTest {

  @Test
  void packageExampleFindsATautology() {
    Detectors detectors = Detectors.defaults();
    List<Detection> found = detectors.detect("GET /items", Input.value("query.id", "1 OR 1=1"));

    assertThat(found).singleElement().satisfies(d -> {
      assertThat(d.attackClass()).isEqualTo(AttackClass.SQL_INJECTION);
      assertThat(d.rule()).isEqualTo("sqli.tautology");
      assertThat(d.confidence()).isEqualTo(0.95);
    });
  }

  @Test
  void detectorsExampleExemptsAnHtmlFieldAndBlocksAboveTheThreshold() {
    Detectors detectors = Detectors.defaults()
        .withExceptions(DetectionExceptions.builder()
            .exemptField("body.$.html", AttackClass.XSS)
            .build());
    String text = "<b onclick=alert(1)>hi</b>";

    List<Detection> inHtml = detectors.detect("POST /comments", Input.value("body.$.html", text));
    List<Detection> inText = detectors.detect("POST /comments", Input.value("body.$.text", text));
    boolean block = inText.stream().anyMatch(d -> d.confidence() >= Confidence.DEFAULT_BLOCK_THRESHOLD);

    assertThat(inHtml).isEmpty();
    assertThat(block).isTrue();
  }

  @Test
  void exceptionsExampleBuilds() {
    DetectionExceptions exceptions = DetectionExceptions.builder()
        .exemptField("body.$.article.html", AttackClass.XSS)
        .exempt("POST /reports", "body.$.query", AttackClass.SQL_INJECTION)
        .exemptRoute("GET /proxy/**", AttackClass.SSRF)
        .build();

    assertThat(exceptions.exempts("GET /proxy/a/b", "query.url", AttackClass.SSRF)).isTrue();
    assertThat(exceptions.exempts("POST /reports", "body.$.query", AttackClass.SQL_INJECTION))
        .isTrue();
  }

  @Test
  void detectorExampleAddsACustomDetector() {
    Detector internalHosts = input -> input.value().contains(".corp.example.com")
        ? List.of(new Detection(AttackClass.SSRF, "custom.corp-host", 0.9, input.location(),
            "corp.example.com"))
        : List.of();
    List<Detector> all = new ArrayList<>(Detectors.defaults().detectors());
    all.add(internalHosts);
    Detectors detectors = Detectors.of(all);

    assertThat(detectors.detect(Input.value("body.$.url", "https://db.corp.example.com/")))
        .extracting(Detection::rule).containsExactly("custom.corp-host");
  }

  @Test
  void inputExampleMakesEachKind() {
    Input query = Input.value("query.id", "42");
    Input header = new Input("header.user-agent", "curl/8.5.0", Input.Kind.HEADER);
    Input key = new Input("body.$.filter", "filter", Input.Kind.KEY);

    assertThat(List.of(query, header, key)).extracting(Input::kind)
        .containsExactly(Input.Kind.VALUE, Input.Kind.HEADER, Input.Kind.KEY);
  }

  @Test
  void labelsAttackClassesForEventsAndMetrics() {
    assertThat(AttackClass.SQL_INJECTION.label()).isEqualTo("sql-injection");
    assertThat(AttackClass.XSS.label()).isEqualTo("xss");
  }

  @Test
  void rejectsAConfidenceOutsideTheScale() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Detection(AttackClass.XSS, "r", 1.5, "q", ""))
        .hasMessage("confidence 1.5 is not within [0, 1]");
  }
}
