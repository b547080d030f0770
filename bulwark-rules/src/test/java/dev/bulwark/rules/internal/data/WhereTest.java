package dev.bulwark.rules.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.OtherResource;
import dev.bulwark.rules.internal.testing.ModelKit;
import org.junit.jupiter.api.Test;

class WhereTest {

  private final ModelKit k = new ModelKit();
  private final OtherResource stage = new OtherResource(k.meta("Stage", "AWS::ApiGateway::Stage"));

  @Test
  void pointsAtAWrittenAttribute() {
    Attr<Boolean> tracing = k.of(false);
    assertThat(Where.of(stage, tracing)).isEqualTo(tracing.location());
  }

  @Test
  void pointsAtTheResourceForDefaultsAndMissingSettings() {
    assertThat(Where.of(stage, k.defaulted(false))).isEqualTo(stage.location());
    assertThat(Where.of(stage, k.absent())).isEqualTo(stage.location());
  }

  @Test
  void pointsAtTheResourceWhenTheAttributeHasNoLine() {
    assertThat(Where.of(stage, Attr.of(false, SourceLocation.NONE))).isEqualTo(stage.location());
  }
}
