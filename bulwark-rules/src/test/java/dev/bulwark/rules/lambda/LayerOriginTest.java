package dev.bulwark.rules.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerOriginTest {

  @Test
  void readsTheAccountOfALiteralLayerArn() {
    assertThat(LayerOrigin.parse(
        "arn:aws:lambda:eu-west-1:464622532012:layer:Datadog-Extension:65"))
        .hasValueSatisfying(o -> {
          assertThat(o.ownAccount()).isFalse();
          assertThat(o.account()).isEqualTo("464622532012");
          assertThat(o.name()).isEqualTo("Datadog-Extension");
        });
  }

  @Test
  void readsTheAccountWhenTheRegionIsAPlaceholderContainingColons() {
    assertThat(LayerOrigin.parse(
        "arn:aws:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3:7"))
        .hasValueSatisfying(o -> assertThat(o.account()).isEqualTo("017000801446"));
  }

  @Test
  void treatsTheStackAccountPlaceholderAsTheStacksOwnAccount() {
    assertThat(LayerOrigin.parse("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:layer:utils:2"))
        .hasValueSatisfying(o -> assertThat(o.ownAccount()).isTrue());
  }

  @Test
  void acceptsOtherPartitionsAndUnversionedArns() {
    assertThat(LayerOrigin.parse("arn:aws-cn:lambda:cn-north-1:287114880934:layer:ext"))
        .hasValueSatisfying(o -> assertThat(o.account()).isEqualTo("287114880934"));
  }

  @Test
  void refusesWhatIsNotALayerArnWithAReadableAccount() {
    assertThat(LayerOrigin.parse("{{resolve:ssm:/aws/service/powertools/latest}}")).isEmpty();
    assertThat(LayerOrigin.parse("arn:aws:lambda:eu-west-1:464622532012:function:f")).isEmpty();
    assertThat(LayerOrigin.parse("arn:aws:lambda:eu-west-1:${Publisher}:layer:x:1")).isEmpty();
    assertThat(LayerOrigin.parse("arn:aws:lambda:eu-west-1:12345:layer:x:1")).isEmpty();
    assertThat(LayerOrigin.parse("arn:aws:lambda:eu-west-1:1234567890123:layer:x:1")).isEmpty();
    assertThat(LayerOrigin.parse("")).isEmpty();
    assertThat(LayerOrigin.parse("${If UseExtra ? arn:aws:lambda:a:1:layer:x : ${AWS::NoValue}}"))
        .isEmpty();
  }

  @Test
  void aLayerOfTheSameTemplateIsTheStacksOwn() {
    assertThat(LayerOrigin.of(Attr.of(Ref.to("DependenciesLayer"), Models.at(3))))
        .hasValueSatisfying(o -> {
          assertThat(o.ownAccount()).isTrue();
          assertThat(o.display()).isEqualTo("DependenciesLayer");
        });
  }

  @Test
  void anUnknownValueIsReadFromItsShapeAndAnAmbiguousOneIsNot() {
    Attr<Ref> sub = Attr.unknown(Models.at(3),
        "arn:aws:lambda:${AWS::Region}:764866452798:layer:chrome:31", List.of());
    Attr<Ref> either = Attr.oneOf(List.of(Ref.literal("a"), Ref.literal("b")), Models.at(3));

    assertThat(LayerOrigin.of(sub)).map(LayerOrigin::account).hasValue("764866452798");
    assertThat(LayerOrigin.of(either)).isEmpty();
  }
}
