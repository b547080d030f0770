package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.FunctionVersion;
import dev.bulwark.model.Ignore;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Role;
import dev.bulwark.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamFunctionMappingTest {

  private final CloudModel model = Fixtures.model("sam-function.yaml");
  private final Function fn = get(model, "OrderFunction", Function.class);

  @Test
  void resourceScalarsWinOverGlobals() {
    assertThat(fn.timeout().get()).isEqualTo(20);
    assertThat(line(fn.timeout())).isEqualTo(35);
    assertThat(fn.memorySize().get()).isEqualTo(512);
  }

  @Test
  void globalScalarsApplyWhereTheFunctionSetsNothingAndPointIntoGlobals() {
    assertThat(fn.runtime().get()).isEqualTo("python3.12");
    assertThat(fn.tracing().get()).isEqualTo("Active");
    assertThat(line(fn.tracing())).isEqualTo(9);
    assertThat(fn.isTracingActive()).isTrue();
  }

  @Test
  void globalMapsAreMergedWithTheFunctionsOwnEntries() {
    assertThat(fn.environment())
        .extracting(Function.EnvVar::name)
        .containsExactly("LOG_LEVEL", "TABLE");
    assertThat(fn.environment().get(0).nameLocation().startLine()).isEqualTo(12);
    assertThat(fn.environment().get(1).value().isUnknown()).isTrue();
    assertThat(fn.environment().get(1).value().references()).containsExactly("OrdersTable");
    assertThat(fn.meta().tags()).containsOnlyKeys("team", "owner");
    assertThat(fn.meta().tags().get("team").get()).isEqualTo("orders");
    assertThat(line(fn.meta().tags().get("owner"))).isEqualTo(44);
  }

  @Test
  void globalListsComeBeforeTheFunctionsOwnEntries() {
    assertThat(fn.layers()).hasSize(2);
    assertThat(fn.layers().get(0).get())
        .isEqualTo(
            Ref.literal(
                "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:68"));
    assertThat(line(fn.layers().get(0))).isEqualTo(16);
    assertThat(fn.layers().get(1).get()).isEqualTo(Ref.to("SharedLayer"));
  }

  @Test
  void samLayerVersionIsALayerWithLocalContent() {
    dev.bulwark.model.Layer layer = get(model, "SharedLayer", dev.bulwark.model.Layer.class);
    assertThat(layer.content().kind()).isEqualTo(Function.Code.Kind.LOCAL);
    assertThat(layer.content().location().get()).isEqualTo("layers/shared/");
    assertThat(Fixtures.values(layer.compatibleRuntimes())).containsExactly("python3.12");
    assertThat(model.layers()).containsExactly(layer);
  }

  @Test
  void unsetSettingsAreAbsentAndServiceDefaultsAreDefaulted() {
    assertThat(fn.reservedConcurrency().isAbsent()).isTrue();
    assertThat(fn.kmsKey().isAbsent()).isTrue();
    assertThat(fn.name().isAbsent()).isTrue();
    assertThat(fn.packageType().get()).isEqualTo("Zip");
    assertThat(fn.packageType().isExplicit()).isFalse();
    assertThat(fn.packageType().location()).isEqualTo(fn.location());
  }

  @Test
  void localCodeUriIsLocalCode() {
    assertThat(fn.code().kind()).isEqualTo(Function.Code.Kind.LOCAL);
    assertThat(fn.code().location().get()).isEqualTo("src/orders/");
    assertThat(line(fn.code().location())).isEqualTo(34);
  }

  @Test
  void vpcConfigKeepsSubnetsAndSecurityGroups() {
    Function.VpcConfig vpc = fn.vpc().get();
    assertThat(Fixtures.values(vpc.subnetIds())).containsExactly("subnet-1", "subnet-2");
    assertThat(Fixtures.values(vpc.securityGroupIds())).containsExactly("sg-1");
  }

  @Test
  void suppressionsAreReadWithAndWithoutReasonAndLocated() {
    assertThat(fn.meta().ignores())
        .extracting(Ignore::ruleId, Ignore::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "LAMBDA-015", "concurrency is limited by the queue"),
            org.assertj.core.groups.Tuple.tuple("IAM-009", null));
    assertThat(fn.meta().ignores().get(0).location().startLine()).isEqualTo(29);
    assertThat(fn.meta().ignores().get(1).location().startLine()).isEqualTo(31);
  }

  @Test
  void generatedResourcesInheritSuppressionsAndNameTheirOrigin() {
    Role role = get(model, "OrderFunctionRole", Role.class);
    assertThat(role.meta().generatedFrom()).isEqualTo("OrderFunction");
    assertThat(role.meta().ignores())
        .extracting(Ignore::ruleId)
        .containsExactly("LAMBDA-015", "IAM-009");
    FunctionUrl url = get(model, "OrderFunctionUrl", FunctionUrl.class);
    assertThat(url.meta().ignores()).hasSize(2);
    assertThat(url.meta().generatedFrom()).isEqualTo("OrderFunction");
  }

  @Test
  void autoPublishAliasCreatesVersionAndAliasOfTheFunction() {
    FunctionVersion alias = get(model, "OrderFunctionAliaslive", FunctionVersion.class);
    assertThat(alias.aliasName().get()).isEqualTo("live");
    assertThat(line(alias.aliasName())).isEqualTo(37);
    assertThat(model.function(alias.function())).contains(fn);
    FunctionVersion version = get(model, "OrderFunctionVersion", FunctionVersion.class);
    assertThat(version.aliasName().isAbsent()).isTrue();
  }

  @Test
  void publicFunctionUrlOnAnAliasGetsThePublicPermissionSamCreates() {
    FunctionUrl url = get(model, "OrderFunctionUrl", FunctionUrl.class);
    assertThat(url.authType().get()).isEqualTo("NONE");
    assertThat(line(url.authType())).isEqualTo(61);
    assertThat(url.qualifier().get()).isEqualTo("live");
    assertThat(Fixtures.values(url.cors().get().allowOrigins())).containsExactly("*");
    assertThat(url.cors().get().allowCredentials().get()).isTrue();
    assertThat(model.urlsOf(fn)).containsExactly(url);

    Permission p = get(model, "OrderFunctionUrlPublicPermissions", Permission.class);
    assertThat(p.action().get()).isEqualTo("lambda:InvokeFunctionUrl");
    assertThat(p.principal().get()).isEqualTo("*");
    assertThat(p.functionUrlAuthType().get()).isEqualTo("NONE");
    assertThat(p.function().get()).isEqualTo(Ref.to("OrderFunctionAliaslive"));
    assertThat(model.permissionsOf(fn)).contains(p);
    assertThat(Exposure.isPublicInvoke(p)).isTrue();
    assertThat(Exposure.unauthenticatedPaths(model, fn)).isNotEmpty();
  }

  @Test
  void inlineCodeKmsKeyConcurrencySigningAndLogGroupAreRead() {
    CloudModel m = Fixtures.model("sam-function-extras.yaml");
    Function w = get(m, "Worker", Function.class);
    assertThat(w.code().kind()).isEqualTo(Function.Code.Kind.INLINE);
    assertThat(w.code().inlineSource().get()).contains("exports.handler");
    assertThat(w.kmsKey().get()).isEqualTo(new Ref.ToResource("EnvKey", "Arn"));
    assertThat(w.reservedConcurrency().get()).isEqualTo(5);
    assertThat(w.codeSigningConfig().get().literal()).isPresent();
    assertThat(w.logGroup().get()).isEqualTo(Ref.to("WorkerLogs"));
    assertThat(w.timeout().get()).isEqualTo(3);
    assertThat(w.timeout().isExplicit()).isFalse();
    assertThat(w.tracing().get()).isEqualTo("PassThrough");
  }

  @Test
  void deadLetterQueueIsTheFunctionsDlqAndTheRoleMaySendToIt() {
    CloudModel m = Fixtures.model("sam-function-extras.yaml");
    Function w = get(m, "Worker", Function.class);
    assertThat(w.deadLetterTarget().get()).isEqualTo(new Ref.ToResource("Failures", "Arn"));
    assertThat(m.isDeadLetterTarget(get(m, "Failures", Queue.class))).isTrue();
    Role role = m.roleOf(w).orElseThrow();
    assertThat(role.policies())
        .anySatisfy(
            p -> {
              assertThat(p.name()).isEqualTo("DeadLetterQueuePolicy");
              assertThat(Fixtures.values(p.document().statements().get(0).actions()))
                  .containsExactly("sqs:SendMessage");
              assertThat(p.document().statements().get(0).resources().get(0).references())
                  .containsExactly("Failures");
            });
  }

  @Test
  void eventInvokeConfigBecomesAsyncConfigWithTheQueueOrTopicSamCreates() {
    CloudModel m = Fixtures.model("sam-function-extras.yaml");
    Function w = get(m, "Worker", Function.class);
    AsyncInvokeConfig c = get(m, "WorkerEventInvokeConfig", AsyncInvokeConfig.class);
    assertThat(m.asyncConfigsOf(w)).containsExactly(c);
    assertThat(c.maximumRetryAttempts().get()).isEqualTo(1);
    assertThat(c.maximumEventAgeSeconds().get()).isEqualTo(600);
    assertThat(c.qualifier().get()).isEqualTo("$LATEST");
    assertThat(c.onSuccess().get()).isEqualTo(new Ref.ToResource("Failures", "Arn"));
    assertThat(c.onFailure().get())
        .isEqualTo(new Ref.ToResource("WorkerEventInvokeConfigOnFailureTopic", "Arn"));
    Topic generated = get(m, "WorkerEventInvokeConfigOnFailureTopic", Topic.class);
    assertThat(generated.meta().generatedFrom()).isEqualTo("Worker");
    assertThat(m.isDeadLetterTarget(generated)).isTrue();
    Role role = m.roleOf(w).orElseThrow();
    assertThat(role.policies())
        .extracting(p -> p.name())
        .contains(
            "WorkerEventInvokeConfigOnFailureSNSPolicy",
            "WorkerEventInvokeConfigOnSuccessSQSPolicy");
  }

  @Test
  void imageFunctionWithAGivenRoleGetsNoGeneratedRoleAndAnIamUrlHasNoPublicPermission() {
    CloudModel m = Fixtures.model("sam-function-extras.yaml");
    Function img = get(m, "ImageWorker", Function.class);
    assertThat(img.packageType().get()).isEqualTo("Image");
    assertThat(img.code().kind()).isEqualTo(Function.Code.Kind.IMAGE);
    assertThat(img.runtime().isAbsent()).isTrue();
    assertThat(m.resource("ImageWorkerRole")).isEmpty();
    assertThat(m.roleOf(img).map(Role::id)).contains("SharedRole");
    assertThat(m.urlsOf(img))
        .singleElement()
        .satisfies(u -> assertThat(u.authType().get()).isEqualTo("AWS_IAM"));
    assertThat(m.resource("ImageWorkerUrlPublicPermissions")).isEmpty();
    assertThat(Exposure.isPublicWithoutAuth(m, img)).isFalse();
  }

  @Test
  void s3CodeUriIsS3Code() {
    CloudModel m = Fixtures.model("sam-function-extras.yaml");
    Function f = get(m, "S3Worker", Function.class);
    assertThat(f.code().kind()).isEqualTo(Function.Code.Kind.S3);
    assertThat(f.code().location().get()).isEqualTo("s3://artifacts-bucket/worker.zip");
  }
}
