package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForEachTest {

  @Test
  void loopsOverLiteralAndParameterCollectionsMakeResourcesWithSubstitutedIdsAndValues() {
    TemplateReader.Result r = Fixtures.result("foreach/topics.yaml");
    Template t = r.template();
    assertThat(t.resources())
        .containsOnlyKeys("TopicSuccess", "TopicFailurePath", "ordersQueue", "billingQueue", "Plain");
    assertThat(scalar(prop(t, "TopicFailurePath", "TopicName"))).isEqualTo("app-Failure-Path");
    assertThat(scalar(prop(t, "TopicSuccess", "DisplayName"))).isEqualTo("Success");
    assertThat(t.resources().get("TopicSuccess").typeLocation().startLine()).isEqualTo(12);
  }

  @Test
  void nestedLoopsInPropertiesSeeTheOuterItem() {
    Template t = Fixtures.template("foreach/topics.yaml");
    assertThat(Fixtures.properties(t, "billingQueue").entries()).containsOnlyKeys("Taga", "Tagb");
    assertThat(scalar(prop(t, "billingQueue", "Tagb"))).isEqualTo("billing-b");
  }

  @Test
  void aLoopOverAnUnknownCollectionIsReportedAndLeftOut() {
    TemplateReader.Result r = Fixtures.result("foreach/topics.yaml");
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly(
            "26 INVALID Fn::ForEach::Unknown: the collection is not a list of known values; the loop is not expanded");
  }

  @Test
  void givenParametersDriveTheLoop() {
    Template t = Fixtures.template("foreach/topics.yaml", Map.of("Queues", "audit"));
    assertThat(t.resources()).containsKey("auditQueue").doesNotContainKey("ordersQueue");
  }

  @Test
  void loopsThatMultiplyBeyondTheNodeBudgetStop() {
    StringBuilder y = new StringBuilder("Resources:\n");
    String indent = "  ";
    String values = "[a, b, c, d, e, f, g, h, i, j]";
    for (int level = 0; level < 6; level++) {
      y.append(level == 0 ? indent : "").append("Fn::ForEach::L").append(level).append(":\n");
      y.append(indent).append("  - X").append(level).append("\n");
      y.append(indent).append("  - ").append(values).append("\n");
      y.append(indent).append("  - ");
      indent = indent + "    ";
    }
    y.append("R${X0}${X1}${X2}${X3}${X4}${X5}: {Type: AWS::SNS::Topic}\n");
    IacOptions o = new IacOptions(Map.of(), new IacOptions.Limits(1 << 20, 200, 100, 10_000));
    TemplateReader.Result r = Fixtures.text(y.toString(), o);
    assertThat(r.template()).isNull();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("Fn::ForEach made more than 10000 values");
    });
  }
}
