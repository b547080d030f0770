package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static dev.bulwark.iac.internal.template.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.model.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicResolutionTest {

  private static Template tags() {
    return Fixtures.template("intrinsics/short-tags.yaml");
  }

  @Test
  void everyShortFormTagReadsWithoutErrors() {
    assertThat(Fixtures.result("intrinsics/short-tags.yaml").errors()).isEmpty();
  }

  @Test
  void refToAResourceIsAReferenceAndRefToAParameterIsItsValue() {
    Template t = tags();
    assertThat(prop(t, "Worker", "Ref")).isInstanceOfSatisfying(Node.Reference.class, r -> {
      assertThat(r.logicalId()).isEqualTo("Queue");
      assertThat(r.attribute()).isNull();
    });
    assertThat(scalar(prop(t, "Worker", "RefParam"))).isEqualTo("dev");
  }

  @Test
  void getAttInBothFormsIsAReferenceWithItsAttribute() {
    Template t = tags();
    for (String key : new String[] {"GetAttDotted", "GetAttList"}) {
      assertThat(prop(t, "Worker", key))
          .isEqualTo(new Node.Reference("Role", "Arn", prop(t, "Worker", key).location()));
    }
    Node nested = prop(t, "Worker", "GetAttNested");
    assertThat(nested).isInstanceOfSatisfying(Node.Reference.class, r -> {
      assertThat(r.logicalId()).isEqualTo("Db");
      assertThat(r.attribute()).isEqualTo("Endpoint.Address");
    });
  }

  @Test
  void subInBothFormsResolvesParametersAndKeepsResourcesAsReferences() {
    Template t = tags();
    assertThat(scalar(prop(t, "Worker", "Sub"))).isEqualTo("dev-worker");
    Node list = prop(t, "Worker", "SubList");
    assertThat(list).isInstanceOf(Node.Text.class);
    assertThat(list.shape()).isEqualTo("dev/${Queue.Arn}");
    assertThat(list.references()).containsExactly("Queue");
    assertThat(((Node.Text) list).literalPrefix()).isEqualTo("dev/");
  }

  @Test
  void joinSelectSplitAndFindInMapGiveKnownValues() {
    Template t = tags();
    assertThat(scalar(prop(t, "Worker", "Join"))).isEqualTo("a-dev-c");
    assertThat(scalar(prop(t, "Worker", "Select"))).isEqualTo("subnet-b");
    assertThat(texts(prop(t, "Worker", "Split"))).containsExactly("x", "y", "", "z");
    assertThat(scalar(prop(t, "Worker", "FindInMap"))).isEqualTo("256");
  }

  @Test
  void base64KeepsThePlainTextForRulesToRead() {
    assertThat(scalar(prop(tags(), "Worker", "Base64"))).isEqualTo("#!/bin/sh\necho hello");
  }

  @Test
  void valuesKnownOnlyAtDeployTimeAreUnknown() {
    Template t = tags();
    for (String key : new String[] {"ImportValue", "Cidr", "GetAZs", "Transform"}) {
      assertThat(prop(t, "Worker", key)).as(key).isInstanceOf(Node.Unknown.class);
    }
    assertThat(prop(t, "Worker", "ImportValue").shape()).contains("shared-vpc-id");
    assertThat(((Node.Unknown) prop(t, "Worker", "Transform")).reason()).contains("AWS::Include");
  }

  @Test
  void languageExtensionFunctionsAreComputed() {
    Template t = tags();
    Node length = prop(t, "Worker", "Length");
    assertThat(scalar(length)).isEqualTo("3");
    assertThat(((Node.Scalar) length).kind()).isEqualTo(Node.Scalar.Kind.NUMBER);
    assertThat(scalar(prop(t, "Worker", "ToJsonString"))).isEqualTo("{\"a\":1,\"b\":[true,\"x\\\"y\"]}");
  }

  @Test
  void conditionFunctionsUsedAsValuesBecomeBooleans() {
    Template t = tags();
    assertThat(scalar(prop(t, "Worker", "Equals"))).isEqualTo("true");
    assertThat(scalar(prop(t, "Worker", "And"))).isEqualTo("true");
    assertThat(scalar(prop(t, "Worker", "Or"))).isEqualTo("false");
    assertThat(scalar(prop(t, "Worker", "Not"))).isEqualTo("true");
  }

  @Test
  void jsonLongFormGivesTheSameValuesAsYamlShortForm() {
    Template yaml = tags();
    Template json = Fixtures.template("intrinsics/long-form.json");
    for (String key :
        new String[] {"Ref", "GetAttDotted", "GetAttList", "Sub", "SubList", "Join", "Select", "Split", "FindInMap", "IfUnknown"}) {
      assertThat(prop(json, "Worker", key).shape()).as(key).isEqualTo(prop(yaml, "Worker", key).shape());
      assertThat(prop(json, "Worker", key).getClass()).as(key).isEqualTo(prop(yaml, "Worker", key).getClass());
    }
    assertThat(Fixtures.properties(json, "Worker").entries()).doesNotContainKey("Optional");
  }

  @Test
  void subHandlesEscapesPseudoParametersVariablesAndBlockScalars() {
    TemplateReader.Result r = Fixtures.result("intrinsics/sub.yaml");
    Template t = r.template();
    assertThat(scalar(prop(t, "Fn", "Literal"))).isEqualTo("no variables at all");
    assertThat(scalar(prop(t, "Fn", "Escaped"))).isEqualTo("${Literal} and dev");
    assertThat(prop(t, "Fn", "Pseudo").shape())
        .isEqualTo("arn:aws:s3:::${AWS::Region}-${AWS::AccountId}");
    assertThat(prop(t, "Fn", "ResourceRef").shape()).isEqualTo("bucket ${Bucket}");
    assertThat(prop(t, "Fn", "ResourceAttr").shape()).isEqualTo("${Bucket.Arn}/*");
    assertThat(scalar(prop(t, "Fn", "Spaced"))).isEqualTo("dev");
    assertThat(scalar(prop(t, "Fn", "Unclosed"))).isEqualTo("cost ${Stage");
    assertThat(prop(t, "Fn", "VarMap").shape()).isEqualTo("n-${Bucket.DomainName}-dev");
    assertThat(scalar(prop(t, "Fn", "VarOverridesParam"))).isEqualTo("from-map");
    assertThat(scalar(prop(t, "Fn", "Multiline"))).isEqualTo("line one dev\nline two\n");
    assertThat(prop(t, "Fn", "ListVariable")).isInstanceOf(Node.Unknown.class);
    assertThat(r.errors())
        .singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
          assertThat(e.line()).isEqualTo(29);
          assertThat(e.message()).contains("${Zones}");
        });
  }

  @Test
  void subWithPseudoParametersGivenResolvesCompletely() {
    Template t =
        Fixtures.template(
            "intrinsics/sub.yaml", Map.of("AWS::Region", "cn-north-1", "AWS::AccountId", "123456789012"));
    assertThat(scalar(prop(t, "Fn", "Pseudo"))).isEqualTo("arn:aws-cn:s3:::cn-north-1-123456789012");
  }

  @Test
  void selectSplitJoinAndFindInMapHandleEveryShapeOfInput() {
    Template t = Fixtures.template("intrinsics/functions.yaml");
    assertThat(scalar(prop(t, "Fn", "SelectLiteral"))).isEqualTo("first");
    assertThat(prop(t, "Fn", "SelectOutOfRange")).isInstanceOf(Node.Unknown.class);
    assertThat(prop(t, "Fn", "SelectUnknownList")).isInstanceOf(Node.Unknown.class);
    assertThat(prop(t, "Fn", "SelectBadIndex")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "SplitThenSelect"))).isEqualTo("leaf");
    assertThat(prop(t, "Fn", "SplitUnknown")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "JoinParamList"))).isEqualTo("one:two:three");
    Node partly = prop(t, "Fn", "JoinUnknownPart");
    assertThat(partly).isInstanceOf(Node.Text.class);
    assertThat(partly.shape()).isEqualTo("arn:aws:s3:::${Bucket}/*");
    assertThat(((Node.Text) partly).literalPrefix()).isEqualTo("arn:aws:s3:::");
    assertThat(prop(t, "Fn", "JoinUnknownList")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "JoinNoValue"))).isEqualTo("a,b");
    assertThat(scalar(prop(t, "Fn", "FindInMapDefault"))).isEqualTo("Active");
    assertThat(prop(t, "Fn", "FindInMapMissing")).isInstanceOf(Node.Unknown.class);
    assertThat(prop(t, "Fn", "FindInMapNoMapping")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "FindInMapSameEverywhere"))).isEqualTo("ami-same");
    assertThat(prop(t, "Fn", "FindInMapDiffers")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "LengthParam"))).isEqualTo("3");
    assertThat(prop(t, "Fn", "ToJsonStringUnknown")).isInstanceOf(Node.Unknown.class);
    assertThat(scalar(prop(t, "Fn", "Base64Sub"))).isEqualTo("stage=dev");
    Node notIntrinsic = prop(t, "Fn", "NotIntrinsic");
    assertThat(notIntrinsic).isInstanceOf(Node.MapNode.class);
    assertThat(((Node.MapNode) notIntrinsic).entries()).containsOnlyKeys("Fn::Sub", "Extra");
  }

  @Test
  void findInMapWithAKnownRegionPicksThatRegionsValue() {
    Template t = Fixtures.template("intrinsics/functions.yaml", Map.of("AWS::Region", "us-east-1"));
    assertThat(scalar(prop(t, "Fn", "FindInMapDiffers"))).isEqualTo("large");
  }

  @Test
  void malformedIntrinsicsAreUnknownAndReportedWithTheirLine() {
    TemplateReader.Result r = Fixtures.result("intrinsics/functions.yaml");
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly(
            "26 INVALID Fn::Select index 5 is out of range (the list has 2 items)",
            "28 INVALID Fn::Select index 'one' is not a number",
            "36 INVALID Fn::FindInMap finds no prod/Tracing in mapping Flags",
            "37 INVALID Fn::FindInMap refers to mapping Nope, which is not defined",
            "43 INVALID Ref takes the name of a parameter or a resource",
            "44 INVALID Fn::GetAtt takes Resource.Attribute",
            "45 INVALID Fn::Join takes [delimiter, [values]]",
            "46 INVALID Fn::Nope is not a known intrinsic function");
    Template t = r.template();
    for (String key : new String[] {"MalformedRef", "MalformedGetAtt", "MalformedJoin", "UnknownFunction"}) {
      assertThat(prop(t, "Fn", key)).as(key).isInstanceOf(Node.Unknown.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"!Ref [a, b]", "!GetAtt [OnlyOne]", "!Sub [1, 2, 3]", "!Select [0]",
      "!Split [\",\"]", "!FindInMap [M, a]", "!If [Cond, a]", "!Length 3", "!Join [\",\", x]"})
  void malformedArgumentsNeverThrowAndAlwaysGiveAnError(String value) {
    TemplateReader.Result r =
        Fixtures.text("Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n      P: " + value + "\n");
    assertThat(r.template()).isNotNull();
    assertThat(r.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.line()).isEqualTo(5));
    assertThat(r.template().resources().get("R").properties().get("P")).isInstanceOf(Node.Unknown.class);
  }

  @Test
  void aSubVariableNamedLikeItselfIsNotSubstitutedAgain() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            Resources:
              T:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub ["${A}-x", {A: !Sub "${A}"}]
            """);
    assertThat(r.errors()).isEmpty();
    Node name = r.template().resources().get("T").properties().get("TopicName");
    assertThat(name.shape()).isEqualTo("${A}-x");
    assertThat(name.references()).containsExactly("A");
  }

  @Test
  void aMacroIncludedInResourcesIsReportedAndTheOtherResourcesRead() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Fn::Transform:
                Name: AWS::Include
                Parameters: {Location: s3://bucket/resources.yaml}
              T:
                Type: AWS::SNS::Topic
            """);
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly("3 INVALID Fn::Transform in Resources runs a macro at deploy time; the resources it adds are not read");
    assertThat(r.template().resources()).containsOnlyKeys("T");
  }

  @Test
  void refsToIdsTheSamTransformGeneratesAreReferencesWithoutErrors() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      API: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/Prod"
                      ROLE: !Ref FnRole
                      ROLE_ARN: !GetAtt FnRole.Arn
            """);
    assertThat(r.errors()).isEmpty();
    Node.MapNode vars = (Node.MapNode) r.template().resources().get("Fn").properties().path("Environment", "Variables");
    assertThat(vars.get("API").shape())
        .isEqualTo("https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod");
    assertThat(vars.get("API").references()).containsExactly("ServerlessRestApi");
    assertThat(vars.get("ROLE")).isEqualTo(new Node.Reference("FnRole", null, vars.get("ROLE").location()));
    assertThat(vars.get("ROLE_ARN")).isEqualTo(new Node.Reference("FnRole", "Arn", vars.get("ROLE_ARN").location()));
  }
}
