package dev.bulwark.rules.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.EventBus;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRulesTest {

  private final ModelKit k = new ModelKit();

  @Test
  void reportsOpenStatementsOfInlineAndSeparateBusPolicies() {
    EventBus bus = new EventBus(k.meta("Bus", "AWS::Events::EventBus"), k.of("orders"),
        k.policy(k.map("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents",
            "Condition", k.map("StringEquals", k.map("events:source", "com.example")))));
    ResourcePolicy separate = new ResourcePolicy(k.meta("Open", "AWS::Events::EventBusPolicy"),
        k.policy(k.map("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents")),
        List.of(k.ref("Bus")));
    ResourcePolicy org = new ResourcePolicy(k.meta("Org", "AWS::Events::EventBusPolicy"),
        k.policy(k.map("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents",
            "Condition", k.map("StringEquals", k.map("aws:PrincipalOrgID", "o-a1b2c3d4e5")))),
        List.of(k.ref("Bus")));
    List<Finding> found = ModelKit.run(new PublicEventBusPolicy(), bus, separate, org);
    assertThat(found).extracting(f -> f.resource().id()).containsExactly("Bus", "Open");
    assertThat(found.get(1).message()).isEqualTo("Event bus policy Open (bus Bus): statement #1"
        + " allows events:PutEvents to everyone without a restricting condition");
  }

  private EventRule.Target target(String id, Attr<Ref> dlq) {
    return new EventRule.Target(k.of(id), k.ref("Fn"), dlq, k.absent(), k.at());
  }

  @Test
  void reportsEachTargetWithoutDeadLetterQueueAtTheTarget() {
    EventRule.Target bare = target("report", k.absent());
    EventRule rule = new EventRule(k.meta("Nightly", "AWS::Events::Rule"), k.absent(),
        k.of("cron(0 2 * * ? *)"), k.defaulted("ENABLED"),
        List.of(bare, target("archive", k.ref("Dlq")), target("param", k.unknown("DlqArn"))));
    List<Finding> found = ModelKit.run(new EventTargetWithoutDeadLetterQueue(), rule);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.key()).isEqualTo("report");
      assertThat(f.location()).isEqualTo(bare.location());
      assertThat(f.message()).isEqualTo("Rule Nightly: target Fn has no dead-letter queue, so"
          + " events that cannot be delivered are dropped after the retries");
    });
  }

  @Test
  void skipsDisabledRulesAndNamesSchedulesAsSuch() {
    EventRule disabled = new EventRule(k.meta("Paused", "AWS::Events::Rule"), k.absent(),
        k.of("rate(1 hour)"), k.of("DISABLED"), List.of(target("t", k.absent())));
    EventRule schedule = new EventRule(k.meta("Weekly", "AWS::Scheduler::Schedule"), k.absent(),
        k.of("cron(0 3 ? * MON *)"), k.absent(),
        List.of(new EventRule.Target(k.absent(), k.ref("Fn"), k.absent(), k.absent(),
            SourceLocation.NONE)));
    List<Finding> found =
        ModelKit.run(new EventTargetWithoutDeadLetterQueue(), disabled, schedule);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("Schedule Weekly: target Fn");
      assertThat(f.location()).isEqualTo(schedule.location());
    });
  }
}
