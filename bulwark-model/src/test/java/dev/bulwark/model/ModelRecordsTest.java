package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRecordsTest {

  private static final SourceLocation AT = SourceLocation.of("t.yaml", 3, 9);

  @Test
  void resourceMetaWithoutConditionOrPathKeepsTheOlderConstructor() {
    ResourceMeta m = new ResourceMeta("Fn", "AWS::Lambda::Function", AT, Map.of(), List.of(), null);
    assertThat(m.condition()).isNull();
    assertThat(m.sourcePath()).isNull();
    assertThat(m.displayName()).isEqualTo("Fn");
  }

  @Test
  void resourceMetaNamesTheCdkConstructWhenKnownAndLooksUpTags() {
    ResourceMeta m =
        new ResourceMeta(
            "Handler886CB40B",
            "AWS::Lambda::Function",
            AT,
            Map.of("owner", Attr.of("team-a", AT)),
            List.of(),
            null,
            "IsProd",
            "Stack/Handler/Resource");
    assertThat(m.displayName()).isEqualTo("Stack/Handler/Resource");
    assertThat(m.condition()).isEqualTo("IsProd");
    assertThat(m.tag("owner").map(Attr::get)).contains("team-a");
    assertThat(m.tag("cost-center")).isEmpty();
  }

  @Test
  void roleWithoutPathIsAtTheDefaultPathLocatedAtTheRole() {
    ResourceMeta meta = ResourceMeta.of("R", "AWS::IAM::Role", AT);
    Role r =
        new Role(meta, Attr.absent(AT), Attr.absent(AT), List.of(), List.of(), Attr.absent(AT));
    assertThat(r.path().get()).isEqualTo("/");
    assertThat(r.path().isExplicit()).isFalse();
    assertThat(r.path().location()).isEqualTo(AT);
  }

  @Test
  void routeWithoutScopesAndTriggerWithoutBisectKeepTheOlderConstructors() {
    ResourceMeta meta = ResourceMeta.of("Get", "AWS::ApiGateway::Method", AT);
    Route route =
        new Route(
            meta,
            Attr.of(Ref.to("Api"), AT),
            Attr.of("GET", AT),
            Attr.of("/items", AT),
            Attr.of("NONE", AT),
            Attr.absent(AT),
            Attr.of(false, AT),
            Attr.of(Ref.to("Fn"), AT),
            Attr.absent(AT),
            Attr.absent(AT),
            Attr.of(false, AT));
    assertThat(route.authorizationScopes()).isEmpty();
    assertThat(route.display()).isEqualTo("GET /items");
    Trigger t =
        new Trigger(
            ResourceMeta.of("Esm", "AWS::Lambda::EventSourceMapping", AT),
            TriggerKind.KINESIS,
            Attr.of(Ref.to("Fn"), AT),
            Attr.absent(AT),
            Attr.absent(AT),
            Attr.absent(AT),
            Attr.of(true, AT));
    assertThat(t.bisectBatchOnFunctionError().isAbsent()).isTrue();
  }

  @Test
  void mappingAnAttributeRecomputesItsShapeAndKeepsItsLocation() {
    Attr<String> method = Attr.of("get", AT);
    Attr<String> upper = method.map(s -> s.toUpperCase(java.util.Locale.ROOT));
    assertThat(upper.get()).isEqualTo("GET");
    assertThat(upper.shape()).isEqualTo("GET");
    assertThat(upper.location()).isEqualTo(AT);
    Attr<String> either = Attr.oneOf(List.of("a", "b"), AT).map(s -> s + "!");
    assertThat(either.shape()).isEqualTo("a! | b!");
    Attr<String> unknown = Attr.<String>unknown(AT, "${Param}", List.of()).map(String::trim);
    assertThat(unknown.isUnknown()).isTrue();
    assertThat(unknown.shape()).isEqualTo("${Param}");
  }

  @Test
  void modelRejectsTwoResourcesWithTheSameId() {
    CloudModel.Builder b = CloudModel.builder("t.yaml");
    b.add(new OtherResource(ResourceMeta.of("X", "AWS::SNS::Topic", AT)));
    b.add(new OtherResource(ResourceMeta.of("X", "AWS::SQS::Queue", AT)));
    assertThat(b.contains("X")).isTrue();
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'X'");
  }
}
