package dev.bulwark.rules.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.StateMachine;
import dev.bulwark.rules.internal.testing.ModelKit;
import org.junit.jupiter.api.Test;

class StateMachineRulesTest {

  private final ModelKit k = new ModelKit();

  private StateMachine sm(String id, String type, Attr<String> level, Attr<Boolean> tracing) {
    return new StateMachine(k.meta(id, "AWS::StepFunctions::StateMachine"), k.absent(),
        k.defaulted(type), level, tracing, k.absent());
  }

  @Test
  void reportsLoggingOffAndExplainsExpressWorkflows() {
    assertThat(ModelKit.run(new StateMachineWithoutLogging(),
        sm("Clicks", "EXPRESS", k.defaulted("OFF"), k.absent()),
        sm("Orders", "STANDARD", k.of("ERROR"), k.absent()),
        sm("Param", "STANDARD", k.unknown("Level"), k.absent())))
        .extracting(Finding::message)
        .containsExactly("State machine Clicks: logging level is OFF (an Express workflow keeps no"
            + " execution history without logs)");
  }

  @Test
  void reportsTracingAbsentOrOff() {
    assertThat(ModelKit.run(new StateMachineWithoutTracing(),
        sm("A", "STANDARD", k.absent(), k.absent()),
        sm("B", "STANDARD", k.absent(), k.of(false)),
        sm("C", "STANDARD", k.absent(), k.of(true))))
        .extracting(f -> f.resource().id()).containsExactly("A", "B");
  }
}
