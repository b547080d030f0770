package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static dev.bulwark.iac.internal.mapping.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.IamPolicy;
import dev.bulwark.model.Key;
import dev.bulwark.model.Layer;
import dev.bulwark.model.LogGroup;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Role;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CfnLambdaIamMappingTest {

  private final CloudModel model = Fixtures.model("cfn-lambda-iam.yaml");
  private final Function orders = get(model, "OrdersFn", Function.class);
  private final Function inline = get(model, "InlineFn", Function.class);
  private final Role role = get(model, "ExecRole", Role.class);

  @Test
  void functionPropertiesAndDefaultsAreRead() {
    assertThat(orders.name().get()).isEqualTo("orders");
    assertThat(orders.memorySize().get()).isEqualTo(256);
    assertThat(line(orders.memorySize())).isEqualTo(91);
    assertThat(orders.timeout().get()).isEqualTo(3);
    assertThat(orders.timeout().isExplicit()).isFalse();
    assertThat(orders.tracing().get()).isEqualTo("Active");
    assertThat(orders.code().kind()).isEqualTo(Function.Code.Kind.S3);
    assertThat(orders.code().location().get()).isEqualTo("s3://artifacts/orders.zip");
    assertThat(orders.deadLetterTarget().get()).isEqualTo(new Ref.ToResource("Dlq", "Arn"));
    assertThat(orders.logGroup().get()).isEqualTo(Ref.literal("/custom/orders"));
    assertThat(orders.environment())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.name()).isEqualTo("API_KEY");
              assertThat(v.nameLocation().startLine()).isEqualTo(103);
            });
    assertThat(orders.meta().tags().get("owner").get()).isEqualTo("payments");
    assertThat(line(orders.meta().tags().get("owner"))).isEqualTo(106);
    assertThat(inline.code().kind()).isEqualTo(Function.Code.Kind.INLINE);
    assertThat(inline.code().inlineSource().get()).contains("def handler");
  }

  @Test
  void roleByGetAttOrByLiteralArnIsTheRoleOfTheTemplate() {
    assertThat(model.roleOf(orders)).contains(role);
    assertThat(model.roleOf(inline)).contains(role);
    assertThat(line(inline.role())).isEqualTo(113);
    assertThat(model.functionsWithRole(role)).containsExactly(orders, inline);
  }

  @Test
  void roleInlinePoliciesManagedArnsBoundaryPathAndTags() {
    assertThat(role.name().get()).isEqualTo("orders-exec");
    assertThat(role.path().get()).isEqualTo("/service/");
    assertThat(line(role.path())).isEqualTo(12);
    assertThat(role.permissionsBoundary().get()).isEqualTo(Ref.to("Boundary"));
    assertThat(line(role.permissionsBoundary())).isEqualTo(23);
    assertThat(
            role.trustPolicy()
                .get()
                .statements()
                .get(0)
                .principals()
                .get(0)
                .isService("lambda.amazonaws.com"))
        .isTrue();
    assertThat(role.policies()).extracting(Policy::name).containsExactly("inline-read", "audit");
    assertThat(
            role.policies().get(0).document().statements().get(0).resources().get(0).references())
        .containsExactly("Table");
    assertThat(role.policies().get(1).document().statements())
        .allSatisfy(s -> assertThat(s.onlyIf()).isEqualTo("HasAudit"));
    assertThat(role.meta().tags()).containsKey("owner");
  }

  @Test
  void policiesOfGathersInlineAttachedManagedAndAwsManagedPolicies() {
    assertThat(model.policiesOf(role))
        .extracting(Policy::name)
        .containsExactlyInAnyOrder(
            "inline-read",
            "audit",
            "extra",
            "role-policy",
            "shared",
            "AWSLambdaBasicExecutionRole");
    IamPolicy extra = get(model, "ExtraPolicy", IamPolicy.class);
    assertThat(extra.roles())
        .singleElement()
        .satisfies(r -> assertThat(r.get()).isEqualTo(Ref.to("ExecRole")));
    assertThat(line(extra.roles().get(0))).isEqualTo(67);
    IamPolicy rolePolicy = get(model, "RolePolicy", IamPolicy.class);
    assertThat(values(rolePolicy.document().get().statements().get(0).actions()))
        .containsExactly("sns:Publish");
    assertThat(rolePolicy.managed()).isFalse();
    assertThat(get(model, "SharedManaged", IamPolicy.class).managed()).isTrue();
    assertThat(model.policiesOf(role))
        .filteredOn(p -> p.source() instanceof Policy.AwsManaged)
        .singleElement()
        .satisfies(p -> assertThat(((Policy.AwsManaged) p.source()).known()).isTrue());
  }

  @Test
  void permissionsLinkLiteralNamesAndArnsAndAliasesToTheFunction() {
    Permission open = get(model, "PublicInvoke", Permission.class);
    assertThat(open.function().get()).isEqualTo(Ref.to("OrdersFn"));
    assertThat(Exposure.isPublicInvoke(open)).isTrue();
    assertThat(line(open.principal())).isEqualTo(139);
    Permission org = get(model, "OrgInvoke", Permission.class);
    assertThat(org.principalOrgId().get()).isEqualTo("o-abc123");
    assertThat(Exposure.isPublicInvoke(org)).isFalse();
    assertThat(model.permissionsOf(orders))
        .contains(open, org, get(model, "UrlPermission", Permission.class));
  }

  @Test
  void functionUrlOnAnAliasBelongsToTheFunction() {
    FunctionUrl url = get(model, "OrdersUrl", FunctionUrl.class);
    assertThat(model.urlsOf(orders)).containsExactly(url);
    assertThat(url.qualifier().get()).isEqualTo("live");
    assertThat(line(url.authType())).isEqualTo(154);
    assertThat(values(url.cors().get().allowOrigins())).containsExactly("https://example.com");
    assertThat(url.cors().get().allowCredentials().isAbsent()).isTrue();
    // the URL's own public permission is part of the URL path, not a second way in
    assertThat(Exposure.unauthenticatedPaths(model, orders)).extracting(Exposure.Path::via)
        .containsExactly(url, get(model, "PublicInvoke", Permission.class));
  }

  @Test
  void eventSourceMappingKindComesFromTheSourceArnOrTheSourceResource() {
    Trigger stream = get(model, "StreamMapping", Trigger.class);
    assertThat(stream.kind()).isEqualTo(TriggerKind.KINESIS);
    assertThat(stream.maximumRetryAttempts().get()).isEqualTo(5);
    assertThat(line(stream.maximumRetryAttempts())).isEqualTo(172);
    assertThat(stream.bisectBatchOnFunctionError().get()).isTrue();
    assertThat(stream.onFailure().get()).isEqualTo(new Ref.ToResource("Dlq", "Arn"));
    Trigger queue = get(model, "QueueMapping", Trigger.class);
    assertThat(queue.kind()).isEqualTo(TriggerKind.SQS);
    assertThat(queue.enabled().get()).isFalse();
    assertThat(model.triggersOf(inline)).contains(queue);
    assertThat(get(model, "KafkaMapping", Trigger.class).kind()).isEqualTo(TriggerKind.KAFKA);
    assertThat(model.triggersOf(orders)).containsExactly(stream);
  }

  @Test
  void eventInvokeConfigAliasVersionAndLayer() {
    AsyncInvokeConfig c = get(model, "AsyncConfig", AsyncInvokeConfig.class);
    assertThat(model.asyncConfigsOf(orders)).containsExactly(c);
    assertThat(c.maximumRetryAttempts().get()).isZero();
    assertThat(c.onFailure().get()).isEqualTo(new Ref.ToResource("Dlq", "Arn"));
    assertThat(model.isDeadLetterTarget(get(model, "Dlq", Queue.class))).isTrue();
    assertThat(model.functionVersions())
        .extracting(v -> v.aliasName().shape())
        .containsExactly("live", "(not set)");
    Layer layer = get(model, "Layer", Layer.class);
    assertThat(layer.content().location().get()).isEqualTo("s3://artifacts/layer.zip");
    assertThat(values(layer.compatibleRuntimes())).containsExactly("nodejs18.x");
  }

  @Test
  void logGroupsBelongToTheirFunctionByNameReferenceOrLoggingConfig() {
    LogGroup byRef = get(model, "OrdersLogs", LogGroup.class);
    LogGroup byConfig = get(model, "CustomLogs", LogGroup.class);
    assertThat(model.logGroupsOf(orders)).containsExactlyInAnyOrder(byRef, byConfig);
    assertThat(byRef.retentionDays().get()).isEqualTo(14);
    assertThat(line(byRef.retentionDays())).isEqualTo(217);
    assertThat(byRef.kmsKey().get()).isEqualTo(new Ref.ToResource("LogKey", "Arn"));
    assertThat(byConfig.retentionDays().isAbsent()).isTrue();
    assertThat(model.logGroupsOf(inline)).isEmpty();
  }

  @Test
  void subscriptionFilterToAFunctionIsALogsTrigger() {
    Trigger t = get(model, "ErrorsToFn", Trigger.class);
    assertThat(t.kind()).isEqualTo(TriggerKind.CLOUDWATCH_LOGS);
    assertThat(t.source().get()).isEqualTo(Ref.to("CustomLogs"));
    assertThat(model.triggersOf(inline)).contains(t);
  }

  @Test
  void keySettingsAndPolicy() {
    Key key = get(model, "LogKey", Key.class);
    assertThat(key.keySpec().get()).isEqualTo("RSA_2048");
    assertThat(line(key.keySpec())).isEqualTo(233);
    assertThat(key.enabled().get()).isFalse();
    assertThat(key.rotation().get()).isFalse();
    assertThat(key.rotation().isExplicit()).isFalse();
    assertThat(key.policy().get().statements().get(0).hasPublicPrincipal()).isTrue();
  }
}
