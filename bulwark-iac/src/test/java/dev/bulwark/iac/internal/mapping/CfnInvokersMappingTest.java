package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.OtherResource;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import org.junit.jupiter.api.Test;

class CfnInvokersMappingTest {

  private final CloudModel model = Fixtures.model("cfn-invokers.yaml");
  private final Function fn = get(model, "Fn", Function.class);

  @Test
  void lambdaTargetGroupsUserPoolTriggersAndTopicRulesInvokeTheFunction() {
    assertThat(model.triggersOf(fn))
        .extracting(Trigger::id, Trigger::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Targets#Target0", TriggerKind.ALB),
            org.assertj.core.groups.Tuple.tuple("Pool#PreSignUp", TriggerKind.COGNITO),
            org.assertj.core.groups.Tuple.tuple("Pool#CustomEmailSender", TriggerKind.COGNITO),
            org.assertj.core.groups.Tuple.tuple("Rule#Action0", TriggerKind.IOT),
            org.assertj.core.groups.Tuple.tuple("Pipe#Enrichment", TriggerKind.OTHER));
    Trigger alb = get(model, "Targets#Target0", Trigger.class);
    assertThat(alb.source().get()).isEqualTo(Ref.to("Targets"));
    assertThat(alb.location().startLine()).isEqualTo(16);
    assertThat(alb.meta().generatedFrom()).isEqualTo("Targets");
  }

  @Test
  void theInvokingResourcesAreKeptAndOthersOfTheirTypeGetNoTrigger() {
    assertThat(model.resource("Targets", OtherResource.class)).isPresent();
    assertThat(model.resource("Instances", OtherResource.class)).isPresent();
    assertThat(model.resource("Pool", OtherResource.class)).isPresent();
    assertThat(model.resource("Rule", OtherResource.class)).isPresent();
    assertThat(model.resource("Pool#KMSKeyID")).isEmpty();
    assertThat(model.resource("Rule#Action1")).isEmpty();
    assertThat(model.resource("Pipe", OtherResource.class)).isPresent();
    assertThat(model.resource("Pipe#Target"))
        .as("a state machine target is no function trigger")
        .isEmpty();
  }
}
