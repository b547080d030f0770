package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static dev.bulwark.iac.internal.mapping.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Function;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.Role;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamEventsMappingTest {

  private final CloudModel model = Fixtures.model("sam-events.yaml");
  private final Function fn = get(model, "Handler", Function.class);
  private final Role role = get(model, "HandlerRole", Role.class);

  private Trigger trigger(String id) {
    Trigger t = get(model, id, Trigger.class);
    assertThat(model.triggersOf(fn)).as("triggersOf includes " + id).contains(t);
    return t;
  }

  private List<String> managed() {
    return role.managedPolicyArns().stream().map(a -> a.get().toString()).toList();
  }

  @Test
  void sqsEventIsAnEventSourceMappingAndAddsTheQueuePollerPolicy() {
    Trigger t = trigger("HandlerJobQueue");
    assertThat(t.kind()).isEqualTo(TriggerKind.SQS);
    assertThat(t.source().get()).isEqualTo(new Ref.ToResource("Jobs", "Arn"));
    assertThat(line(t.source())).isEqualTo(38);
    assertThat(t.location().startLine()).isEqualTo(35);
    assertThat(t.meta().type()).isEqualTo("AWS::Lambda::EventSourceMapping");
    assertThat(managed())
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
  }

  @Test
  void snsEventSubscribesTheFunctionAndLetsTheTopicInvokeIt() {
    Trigger t = trigger("HandlerNewsTopic");
    assertThat(t.kind()).isEqualTo(TriggerKind.SNS);
    assertThat(t.kind().isAsync()).isTrue();
    assertThat(t.source().get()).isEqualTo(Ref.to("News"));
    Permission p = get(model, "HandlerNewsTopicPermission", Permission.class);
    assertThat(p.principal().get()).isEqualTo("sns.amazonaws.com");
    assertThat(p.sourceArn().references()).containsExactly("News");
  }

  @Test
  void snsEventWithSqsSubscriptionGoesThroughTheQueueSamCreates() {
    Queue q = get(model, "HandlerNewsViaQueueQueue", Queue.class);
    assertThat(q.meta().generatedFrom()).isEqualTo("Handler");
    Trigger t = trigger("HandlerNewsViaQueueEventSourceMapping");
    assertThat(t.kind()).isEqualTo(TriggerKind.SQS);
    assertThat(t.source().get()).isEqualTo(new Ref.ToResource("HandlerNewsViaQueueQueue", "Arn"));
    assertThat(t.enabled().get()).isTrue();
    ResourcePolicy policy = get(model, "HandlerNewsViaQueueQueuePolicy", ResourcePolicy.class);
    assertThat(model.resourcePoliciesOf(q)).containsExactly(policy);
    var s = policy.document().get().statements().get(0);
    assertThat(s.principals())
        .singleElement()
        .satisfies(p -> assertThat(p.isService("sns.amazonaws.com")).isTrue());
    assertThat(s.conditionsOn("aws:SourceArn")).hasSize(1);
    assertThat(model.resource("HandlerNewsViaQueuePermission")).isEmpty();
  }

  @Test
  void s3EventTriggersFromTheBucketWithTheAccountScopedPermission() {
    Trigger t = trigger("HandlerUpload");
    assertThat(t.kind()).isEqualTo(TriggerKind.S3);
    assertThat(t.source().get()).isEqualTo(Ref.to("Uploads"));
    Permission p = get(model, "HandlerUploadPermission", Permission.class);
    assertThat(p.principal().get()).isEqualTo("s3.amazonaws.com");
    assertThat(p.sourceAccount().shape()).isEqualTo("${AWS::AccountId}");
    assertThat(p.sourceArn().isAbsent()).isTrue();
  }

  @Test
  void streamEventsKeepOnFailureRetriesBisectAndEnabled() {
    Trigger kinesis = trigger("HandlerClickStream");
    assertThat(kinesis.kind()).isEqualTo(TriggerKind.KINESIS);
    assertThat(kinesis.onFailure().get()).isEqualTo(new Ref.ToResource("Failed", "Arn"));
    assertThat(model.isDeadLetterTarget(get(model, "Failed", Queue.class))).isTrue();
    assertThat(role.policies()).extracting(Policy::name).contains("HandlerClickStreamSQSPolicy");
    assertThat(managed())
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole");

    Trigger ddb = trigger("HandlerOrderStream");
    assertThat(ddb.kind()).isEqualTo(TriggerKind.DYNAMODB);
    assertThat(ddb.source().get()).isEqualTo(new Ref.ToResource("Orders", "StreamArn"));
    assertThat(ddb.maximumRetryAttempts().get()).isEqualTo(3);
    assertThat(line(ddb.maximumRetryAttempts())).isEqualTo(68);
    assertThat(ddb.bisectBatchOnFunctionError().get()).isTrue();
    assertThat(ddb.enabled().get()).isFalse();
    assertThat(line(ddb.enabled())).isEqualTo(70);
    assertThat(ddb.onFailure().isAbsent()).isTrue();
    assertThat(managed())
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole");
  }

  @Test
  void eventBridgeRuleEventIsARuleTargetingTheFunctionWithItsDlqAndRetries() {
    EventRule rule = get(model, "HandlerOrderPlaced", EventRule.class);
    assertThat(rule.bus().get()).isEqualTo(Ref.to("Bus"));
    EventRule.Target target = rule.targets().get(0);
    assertThat(model.function(target.arn())).contains(fn);
    assertThat(target.deadLetterQueue().get()).isEqualTo(new Ref.ToResource("Failed", "Arn"));
    assertThat(target.maximumRetryAttempts().get()).isEqualTo(2);
    assertThat(model.rulesTargeting(fn)).contains(rule);
    Trigger t = trigger("HandlerOrderPlaced#HandlerOrderPlacedLambdaTarget");
    assertThat(t.kind()).isEqualTo(TriggerKind.EVENTBRIDGE);
    assertThat(t.onFailure().get()).isEqualTo(new Ref.ToResource("Failed", "Arn"));
    Permission p = get(model, "HandlerOrderPlacedPermission", Permission.class);
    assertThat(p.principal().get()).isEqualTo("events.amazonaws.com");
    assertThat(p.sourceArn().shape()).isEqualTo("${HandlerOrderPlaced.Arn}");
    assertThat(trigger("HandlerLegacy#HandlerLegacyLambdaTarget").kind())
        .isEqualTo(TriggerKind.EVENTBRIDGE);
  }

  @Test
  void scheduleEventsAreSchedulesWithTheDlqSamCreates() {
    EventRule nightly = get(model, "HandlerNightly", EventRule.class);
    assertThat(nightly.scheduleExpression().get()).isEqualTo("cron(0 2 * * ? *)");
    assertThat(nightly.state().get()).isEqualTo("DISABLED");
    assertThat(line(nightly.state())).isEqualTo(90);
    Queue dlq = get(model, "HandlerNightlyQueue", Queue.class);
    assertThat(model.isDeadLetterTarget(dlq)).isTrue();
    assertThat(trigger("HandlerNightly#HandlerNightlyLambdaTarget").kind())
        .isEqualTo(TriggerKind.SCHEDULE);

    EventRule hourly = get(model, "HandlerHourly", EventRule.class);
    assertThat(hourly.meta().type()).isEqualTo("AWS::Scheduler::Schedule");
    assertThat(hourly.scheduleExpression().get()).isEqualTo("rate(1 hour)");
    assertThat(trigger("HandlerHourly#HandlerHourlyLambdaTarget").kind())
        .isEqualTo(TriggerKind.SCHEDULE);
    Role schedulerRole = get(model, "HandlerHourlyRole", Role.class);
    assertThat(
            schedulerRole
                .trustPolicy()
                .get()
                .statements()
                .get(0)
                .principals()
                .get(0)
                .isService("scheduler.amazonaws.com"))
        .isTrue();
    assertThat(model.resource("HandlerHourlyPermission")).isEmpty();
  }

  @Test
  void logsSubscriptionIotCognitoAndAlexaEventsGetTheirPermissions() {
    Trigger logs = trigger("HandlerLogLines");
    assertThat(logs.kind()).isEqualTo(TriggerKind.CLOUDWATCH_LOGS);
    assertThat(logs.source().get()).isEqualTo(Ref.to("AppLogs"));
    assertThat(get(model, "HandlerLogLinesPermission", Permission.class).principal().get())
        .isEqualTo("logs.amazonaws.com");

    assertThat(trigger("HandlerDevice").kind()).isEqualTo(TriggerKind.IOT);
    Permission iot = get(model, "HandlerDevicePermission", Permission.class);
    assertThat(iot.principal().get()).isEqualTo("iot.amazonaws.com");
    assertThat(iot.sourceArn().shape()).endsWith(":rule/${HandlerDevice}");
    assertThat(iot.sourceAccount().shape()).isEqualTo("${AWS::AccountId}");

    assertThat(trigger("HandlerSignUp").kind()).isEqualTo(TriggerKind.COGNITO);
    assertThat(get(model, "HandlerSignUpPermission", Permission.class).sourceArn().shape())
        .isEqualTo("${Users.Arn}");

    Permission alexa = get(model, "HandlerSkillPermission", Permission.class);
    assertThat(alexa.principal().get()).isEqualTo("alexa-appkit.amazon.com");
    assertThat(alexa.eventSourceToken().get()).isEqualTo("amzn1.ask.skill.123");
  }

  @Test
  void kafkaMqAndDocumentDbEventsGetTriggersAndTheirSecretsPolicies() {
    Trigger msk = trigger("HandlerKafka");
    assertThat(msk.kind()).isEqualTo(TriggerKind.KAFKA);
    assertThat(msk.source().get().literal())
        .contains("arn:aws:kafka:eu-west-1:123456789012:cluster/orders/abc");
    assertThat(managed())
        .contains("arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole");
    assertThat(trigger("HandlerSelfKafka").kind()).isEqualTo(TriggerKind.KAFKA);
    Trigger mq = trigger("HandlerBroker");
    assertThat(mq.kind()).isEqualTo(TriggerKind.MQ);
    assertThat(line(mq.source())).isEqualTo(121);
    assertThat(trigger("HandlerDocs").kind()).isEqualTo(TriggerKind.DOCUMENTDB);

    Policy kafka = policy("SelfManagedKafkaExecutionRolePolicy");
    assertThat(values(kafka.document().statements().get(0).resources()))
        .containsExactly("arn:aws:secretsmanager:eu-west-1:123456789012:secret:kafka");
    assertThat(values(kafka.document().statements().get(1).actions()))
        .contains("ec2:CreateNetworkInterface");
    Policy amq = policy("SamAutoGeneratedAMQPolicy");
    assertThat(values(amq.document().statements().get(1).actions()))
        .containsExactly("mq:DescribeBroker");
    assertThat(policy("SamAutoGeneratedDocumentDBPolicy").document().statements()).isNotEmpty();
  }

  @Test
  void everyEventTriggerOrPermissionInvokesTheFunction() {
    assertThat(model.triggers())
        .allSatisfy(t -> assertThat(model.function(t.function())).contains(fn));
    assertThat(model.permissions())
        .allSatisfy(p -> assertThat(model.function(p.function())).contains(fn));
    assertThat(model.triggers())
        .allSatisfy(t -> assertThat(t.meta().generatedFrom()).isEqualTo("Handler"));
    assertThat(role.managedPolicyArns()).extracting(Attr::isExplicit).containsOnly(false);
  }

  private Policy policy(String name) {
    return role.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
