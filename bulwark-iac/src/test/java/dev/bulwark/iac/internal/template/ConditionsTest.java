package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static dev.bulwark.iac.internal.template.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void resourcesWhoseConditionIsKnownFalseAreLeftOutAndUnknownOnesAreKeptWithTheirCondition() {
    Template t = Fixtures.template("conditions/conditions.yaml");
    assertThat(t.resources()).containsOnlyKeys("DevOnly", "AlarmTopic", "Fn");
    assertThat(t.resources().get("DevOnly").condition()).isNull();
    assertThat(t.resources().get("AlarmTopic").condition()).isEqualTo("WantsAlarms");
    assertThat(t.resources().get("Fn").condition()).isNull();
  }

  @Test
  void givenParametersChangeWhichResourcesExist() {
    Template t = Fixtures.template("conditions/conditions.yaml", Map.of("Env", "prod", "Alarms", "yes"));
    assertThat(t.resources()).containsOnlyKeys("ProdOnly", "AlarmTopic", "ProdAlarms", "Fn");
    assertThat(t.resources().values()).allSatisfy(r -> assertThat(r.condition()).isNull());
  }

  @Test
  void ifPicksTheBranchOfAKnownConditionAndOffersBothOfAnUnknownOne() {
    Template t = Fixtures.template("conditions/conditions.yaml");
    assertThat(scalar(prop(t, "Fn", "Tracing"))).isEqualTo("PassThrough");
    Node memory = prop(t, "Fn", "Memory");
    assertThat(memory).isInstanceOfSatisfying(Node.Choice.class, c -> {
      assertThat(c.condition()).isEqualTo("WantsAlarms");
      assertThat(scalar(c.whenTrue())).isEqualTo("1024");
      assertThat(scalar(c.whenFalse())).isEqualTo("128");
    });
    Node nested = prop(t, "Fn", "Nested");
    assertThat(nested).isInstanceOf(Node.Choice.class);
    assertThat(((Node.Choice) nested).alternatives()).extracting(Node::shape).containsExactly("b", "c");
  }

  @Test
  void noValueRemovesKeysAndItemsAndIsAbsentInAnUnknownBranch() {
    Template t = Fixtures.template("conditions/conditions.yaml");
    Node.MapNode props = Fixtures.properties(t, "Fn");
    assertThat(props.entries()).doesNotContainKeys("NoValue", "DroppedWhenKnown");
    Node dlq = props.get("DeadLetter");
    assertThat(dlq).isInstanceOfSatisfying(Node.Choice.class, c -> {
      assertThat(c.whenTrue()).isInstanceOf(Node.MapNode.class);
      assertThat(c.whenFalse()).isInstanceOf(Node.Absent.class);
    });
    Node.ListNode layers = (Node.ListNode) props.get("Layers");
    assertThat(layers.items()).hasSize(2);
    assertThat(scalar(layers.items().get(0))).isEqualTo("layer-a");
    assertThat(layers.items().get(1)).isInstanceOfSatisfying(Node.Choice.class,
        c -> assertThat(c.whenFalse()).isInstanceOf(Node.Absent.class));
  }

  @Test
  void aKnownRegionDecidesRegionConditions() {
    Template t = Fixtures.template("conditions/conditions.yaml", Map.of("AWS::Region", "eu-west-1"));
    assertThat(Fixtures.properties(t, "Fn").entries()).doesNotContainKey("DeadLetter");
  }

  @Test
  void conditionCyclesAndUndefinedConditionsEndWithErrorsAndKeepTheResources() {
    TemplateReader.Result r = Fixtures.result("conditions/cycle.yaml");
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly(
            "3 INVALID condition A refers to itself (A → B → C → A)",
            "6 INVALID condition SelfLoop refers to itself (SelfLoop → SelfLoop)",
            "16 INVALID condition NoSuchCondition is not defined in Conditions",
            "19 INVALID resource Self refers to itself (CloudFormation rejects circular dependencies)");
    Template t = r.template();
    assertThat(t.resources()).containsOnlyKeys("Guarded", "Looping", "Undefined", "Self");
    assertThat(t.resources().get("Guarded").condition()).isEqualTo("A");
    assertThat(t.resources().get("Looping").condition()).isEqualTo("SelfLoop");
    assertThat(prop(t, "Self", "BucketName").shape()).isEqualTo("${Self}-copy");
  }

  @Test
  void aLongChainOfConditionsIsEvaluatedWithoutOverflowingTheStack() {
    StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nConditions:\n");
    int n = 5_000;
    for (int i = 0; i < n; i++) {
      y.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
    }
    y.append("  C").append(n).append(": !Equals [a, a]\n");
    y.append("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Condition: C0\n");
    TemplateReader.Result r = Fixtures.text(y.toString());
    assertThat(r.template()).isNotNull();
    assertThat(r.errors()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(dev.bulwark.core.ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("conditions nest more than 200 deep");
    });
    assertThat(r.template().resources().get("T").condition()).isEqualTo("C0");
  }

  @Test
  void listsInConditionsCompareByValue() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            Parameters:
              Zones: {Type: CommaDelimitedList, Default: "a,b"}
            Conditions:
              Same: !Equals [!Join [",", !Ref Zones], "a,b"]
            Resources:
              T: {Type: AWS::SNS::Topic, Condition: Same}
            """);
    assertThat(r.errors()).isEmpty();
    assertThat(texts(new Node.ListNode(java.util.List.of(), dev.bulwark.core.SourceLocation.NONE))).isEmpty();
    assertThat(r.template().resources().get("T").condition()).isNull();
  }

  @Test
  void propertiesThatAreAnIfOnAnUnknownConditionUseTheMappingBranchAndNameTheCondition() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Conditions:
              InUsEast: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              T:
                Type: AWS::SNS::Topic
                Properties: !If [InUsEast, {TopicName: east}, !Ref "AWS::NoValue"]
            """);
    assertThat(r.errors()).isEmpty();
    TemplateResource t = r.template().resources().get("T");
    assertThat(t.condition()).isEqualTo("InUsEast");
    assertThat(scalar(t.properties().get("TopicName"))).isEqualTo("east");
  }
}
