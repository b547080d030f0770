package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Bucket;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventBus;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Function;
import dev.bulwark.model.Ignore;
import dev.bulwark.model.OtherResource;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.Role;
import dev.bulwark.model.StateMachine;
import dev.bulwark.model.Statement;
import dev.bulwark.model.Table;
import dev.bulwark.model.Topic;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CfnMessagingDataMappingTest {

  private final CloudModel model = Fixtures.model("cfn-messaging-data.yaml");
  private final Function worker = get(model, "Worker", Function.class);

  @Test
  void queueEncryptionDefaultsAndRedrivePolicyAsMapOrJson() {
    Queue jobs = get(model, "Jobs", Queue.class);
    assertThat(jobs.sqsManagedSse().get()).isTrue();
    assertThat(jobs.sqsManagedSse().isExplicit()).isFalse();
    assertThat(jobs.deadLetterTarget().get()).isEqualTo(new Ref.ToResource("JobsDlq", "Arn"));
    assertThat(jobs.maxReceiveCount().get()).isEqualTo(5);
    assertThat(line(jobs.maxReceiveCount())).isEqualTo(23);
    Queue dlq = get(model, "JobsDlq", Queue.class);
    assertThat(dlq.sqsManagedSse().get()).isFalse();
    assertThat(line(dlq.sqsManagedSse())).isEqualTo(28);
    assertThat(model.isDeadLetterTarget(dlq)).isTrue();
    assertThat(model.isDeadLetterTarget(jobs)).isFalse();
    Queue legacy = get(model, "Legacy", Queue.class);
    assertThat(legacy.kmsKey().get()).isEqualTo(Ref.literal("alias/aws/sqs"));
    assertThat(legacy.deadLetterTarget().get().literal())
        .contains("arn:aws:sqs:eu-west-1:123456789012:legacy-dlq");
    assertThat(legacy.maxReceiveCount().get()).isEqualTo(3);
    assertThat(line(legacy.maxReceiveCount())).isEqualTo(34);
  }

  @Test
  void queueAndTopicPoliciesApplyToTheirTargets() {
    ResourcePolicy qp = get(model, "JobsPolicy", ResourcePolicy.class);
    assertThat(model.resourcePoliciesOf(get(model, "Jobs", Queue.class))).containsExactly(qp);
    assertThat(qp.document().get().statements().get(0).hasPublicPrincipal()).isTrue();
    ResourcePolicy tp = get(model, "AlertsPolicy", ResourcePolicy.class);
    Topic alerts = get(model, "Alerts", Topic.class);
    assertThat(model.resourcePoliciesOf(alerts)).containsExactly(tp);
    assertThat(tp.document().get().statements().get(0).conditionsOn("aws:SourceOwner")).hasSize(1);
    assertThat(alerts.kmsKey().get()).isEqualTo(Ref.to("TopicKey"));
  }

  @Test
  void lambdaSubscriptionsInlineOrSeparateAreSnsTriggers() {
    Trigger inline = get(model, "Alerts#Subscription0", Trigger.class);
    assertThat(inline.kind()).isEqualTo(TriggerKind.SNS);
    assertThat(inline.source().get()).isEqualTo(Ref.to("Alerts"));
    assertThat(inline.location().startLine()).isEqualTo(52);
    Trigger separate = get(model, "AlertsToWorker", Trigger.class);
    assertThat(separate.function().get())
        .as("linked by the function's literal ARN")
        .isEqualTo(Ref.to("Worker"));
    assertThat(model.triggersOf(worker)).contains(inline, separate);
    assertThat(model.resource("AlertsToMail", OtherResource.class)).isPresent();
    assertThat(model.resource("Alerts#Subscription1")).isEmpty();
  }

  @Test
  void eventBusPoliciesInlineStatementAndLegacyForms() {
    EventBus bus = get(model, "Bus", EventBus.class);
    assertThat(bus.policy().get().statements().get(0).hasPublicPrincipal()).isTrue();
    ResourcePolicy org = get(model, "BusPolicy", ResourcePolicy.class);
    assertThat(model.resourcePoliciesOf(bus)).containsExactly(org);
    Statement s = org.document().get().statements().get(0);
    assertThat(s.conditionsOn("aws:PrincipalOrgID")).hasSize(1);
    ResourcePolicy legacy = get(model, "LegacyBusPolicy", ResourcePolicy.class);
    Statement ls = legacy.document().get().statements().get(0);
    assertThat(ls.principals())
        .singleElement()
        .satisfies(p -> assertThat(p.value().get()).isEqualTo("111122223333"));
    assertThat(line(ls.principals().get(0).value())).isEqualTo(120);
    assertThat(ls.sid().get()).isEqualTo("partner");
    assertThat(ls.hasPublicPrincipal()).isFalse();
  }

  @Test
  void rulesTargetingFunctionsAreTriggersWithTheTargetsDlqAndRetries() {
    EventRule rule = get(model, "Rule", EventRule.class);
    assertThat(rule.bus().get()).isEqualTo(Ref.to("Bus"));
    assertThat(rule.targets()).hasSize(2);
    assertThat(model.rulesTargeting(worker)).contains(rule);
    Trigger t = get(model, "Rule#worker", Trigger.class);
    assertThat(t.kind()).isEqualTo(TriggerKind.EVENTBRIDGE);
    assertThat(t.onFailure().get()).isEqualTo(new Ref.ToResource("JobsDlq", "Arn"));
    assertThat(t.maximumRetryAttempts().get()).isEqualTo(4);
    assertThat(line(t.maximumRetryAttempts())).isEqualTo(134);
    assertThat(model.resource("Rule#queue"))
        .as("queue targets are not function triggers")
        .isEmpty();
    Trigger cron = get(model, "Cron#w", Trigger.class);
    assertThat(cron.kind()).isEqualTo(TriggerKind.SCHEDULE);
    assertThat(cron.enabled().get()).isFalse();
    assertThat(line(cron.enabled())).isEqualTo(142);
    assertThat(get(model, "Cron", EventRule.class).state().get()).isEqualTo("DISABLED");
    Trigger schedule = get(model, "Schedule#Target", Trigger.class);
    assertThat(schedule.kind()).isEqualTo(TriggerKind.SCHEDULE);
    assertThat(schedule.maximumRetryAttempts().get()).isEqualTo(1);
    assertThat(model.triggersOf(worker)).contains(t, cron, schedule);
  }

  @Test
  void stateMachinesFromCloudFormationAndSam() {
    StateMachine flow = get(model, "Flow", StateMachine.class);
    assertThat(flow.workflowType().get()).isEqualTo("EXPRESS");
    assertThat(flow.loggingLevel().get()).isEqualTo("ALL");
    assertThat(line(flow.loggingLevel())).isEqualTo(165);
    assertThat(flow.tracing().get()).isTrue();
    StateMachine sam = get(model, "SamFlow", StateMachine.class);
    assertThat(sam.loggingLevel().get()).isEqualTo("OFF");
    assertThat(sam.loggingLevel().isExplicit()).isFalse();
    assertThat(sam.workflowType().get()).isEqualTo("STANDARD");
    Role role = model.resolve(sam.role(), Role.class).orElseThrow();
    assertThat(role.id()).isEqualTo("SamFlowRole");
    assertThat(
            role.trustPolicy()
                .get()
                .statements()
                .get(0)
                .principals()
                .get(0)
                .isService("states.amazonaws.com"))
        .isTrue();
    assertThat(role.policies())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("LambdaInvokePolicy"));
    EventRule daily = get(model, "SamFlowDaily", EventRule.class);
    assertThat(daily.scheduleExpression().get()).isEqualTo("rate(1 day)");
    assertThat(daily.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.arn().get()).isEqualTo(Ref.to("SamFlow"));
              assertThat(t.deadLetterQueue().get()).isEqualTo(new Ref.ToResource("JobsDlq", "Arn"));
            });
    assertThat(daily.location().startLine()).isEqualTo(178);
    assertThat(model.rulesTargeting(sam)).containsExactly(daily);
  }

  @Test
  void bucketPublicAccessSettingsAclNotificationsAndPolicy() {
    Bucket b = get(model, "Uploads", Bucket.class);
    assertThat(b.accessControl().get()).isEqualTo("PublicRead");
    assertThat(line(b.accessControl())).isEqualTo(189);
    assertThat(b.blockPublicAcls().get()).isFalse();
    assertThat(line(b.blockPublicAcls())).isEqualTo(191);
    assertThat(b.blockPublicPolicy().get()).isTrue();
    assertThat(b.ignorePublicAcls().isAbsent()).isTrue();
    Trigger t = get(model, "Uploads#LambdaConfiguration0", Trigger.class);
    assertThat(t.kind()).isEqualTo(TriggerKind.S3);
    assertThat(t.source().get()).isEqualTo(Ref.to("Uploads"));
    assertThat(model.triggersOf(worker)).contains(t);
    ResourcePolicy bp = get(model, "UploadsPolicy", ResourcePolicy.class);
    assertThat(model.resourcePoliciesOf(b)).containsExactly(bp);
  }

  @Test
  void tablesPointInTimeRecoveryAndEncryption() {
    Table orders = get(model, "Orders", Table.class);
    assertThat(orders.pointInTimeRecovery().get()).isTrue();
    assertThat(line(orders.pointInTimeRecovery())).isEqualTo(214);
    assertThat(orders.sseEnabled().get()).isTrue();
    assertThat(orders.kmsKey().get()).isEqualTo(Ref.to("TopicKey"));
    Table global = get(model, "Global", Table.class);
    assertThat(global.pointInTimeRecovery().get()).isTrue();
    assertThat(line(global.pointInTimeRecovery())).isEqualTo(227);
    Table simple = get(model, "Simple", Table.class);
    assertThat(simple.sseEnabled().get()).as("from Globals.SimpleTable").isTrue();
    assertThat(line(simple.sseEnabled())).isEqualTo(6);
    assertThat(simple.pointInTimeRecovery().get()).isFalse();
  }

  @Test
  void cdkConstructPathAndAssetFolderAreKept() {
    Function cdk = get(model, "CdkFunction", Function.class);
    assertThat(cdk.meta().sourcePath()).isEqualTo("OrdersStack/Worker/Resource");
    assertThat(cdk.meta().displayName()).isEqualTo("OrdersStack/Worker/Resource");
    assertThat(cdk.code().kind()).isEqualTo(Function.Code.Kind.LOCAL);
    assertThat(cdk.code().location().get()).isEqualTo("asset.0a1b2c");
    assertThat(cdk.meta().ignores()).extracting(Ignore::ruleId).containsExactly("LAMBDA-017");
    assertThat(cdk.meta().ignores().get(0).location().startLine()).isEqualTo(238);
  }
}
