package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Api;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.LogGroup;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Role;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.WebAclAssociation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRelationsTest {

  private final CloudModel model = Fixtures.model("relations.yaml");
  private final Function reader = get(model, "Reader", Function.class);
  private final Function writer = get(model, "Writer", Function.class);

  @Test
  void roleOfAndFunctionsWithRoleFollowTheRoleReference() {
    Role shared = get(model, "SharedRole", Role.class);
    assertThat(model.roleOf(reader)).contains(shared);
    assertThat(model.roleOf(writer)).contains(shared);
    assertThat(model.functionsWithRole(shared)).containsExactly(reader, writer);
    assertThat(model.resource("ReaderRole")).isEmpty();
  }

  @Test
  void policiesOfIncludesAwsManagedPoliciesByArn() {
    Role shared = get(model, "SharedRole", Role.class);
    assertThat(model.policiesOf(shared))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("AmazonDynamoDBFullAccess");
              assertThat(p.source())
                  .isEqualTo(
                      new Policy.AwsManaged(
                          "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess", true));
              assertThat(p.location().startLine()).isEqualTo(16);
            });
  }

  @Test
  void routesToTriggersOfAndUrlsOfGoThroughTheAlias() {
    Route get = get(model, "ReaderGet", Route.class);
    assertThat(model.routesTo(reader)).containsExactly(get);
    assertThat(get.integrationFunction().get().resourceId()).contains("ReaderAliasprod");
    Trigger work = get(model, "ReaderWork", Trigger.class);
    assertThat(model.triggersOf(reader)).containsExactly(work);
    assertThat(work.function().get().resourceId()).contains("ReaderAliasprod");
    FunctionUrl url = get(model, "ReaderUrl", FunctionUrl.class);
    assertThat(model.urlsOf(reader)).containsExactly(url);
    assertThat(model.routesTo(writer)).isEmpty();
    assertThat(model.triggersOf(writer)).isEmpty();
  }

  @Test
  void permissionsOfIncludesRefsToTheAliasWrittenAsFnDotAlias() {
    Permission p = get(model, "AliasInvoke", Permission.class);
    assertThat(p.function().get().resourceId()).contains("ReaderAliasprod");
    assertThat(model.permissionsOf(reader))
        .contains(p, get(model, "ReaderUrlPublicPermissions", Permission.class));
    assertThat(Exposure.isPublicWithoutAuth(model, reader)).isTrue();
    assertThat(Exposure.isPublicWithoutAuth(model, writer)).isFalse();
  }

  @Test
  void logGroupsOfMatchesTheFunctionsLiteralName() {
    LogGroup logs = get(model, "ReaderLogs", LogGroup.class);
    assertThat(model.logGroupsOf(reader)).containsExactly(logs);
    assertThat(model.logGroupsOf(writer)).isEmpty();
    assertThat(line(logs.retentionDays())).isEqualTo(65);
  }

  @Test
  void webAclsOfMatchesTheSamStageByApiAndStageName() {
    Stage prod = get(model, "ApiprodStage", Stage.class);
    WebAclAssociation waf = get(model, "Waf", WebAclAssociation.class);
    assertThat(model.webAclsOf(prod)).containsExactly(waf);
    assertThat(waf.meta().condition()).isEqualTo("UseWaf");
    assertThat(model.apiOf(prod).map(Api::id)).contains("Api");
  }

  @Test
  void isDeadLetterTargetFollowsRedrivePolicies() {
    assertThat(model.isDeadLetterTarget(get(model, "WorkDlq", Queue.class))).isTrue();
    assertThat(model.isDeadLetterTarget(get(model, "Work", Queue.class))).isFalse();
  }

  @Test
  void cdkJsonTemplatesAreMappedWithLinesAndConstructPaths() {
    CloudModel cdk = Fixtures.model("cdk-stack.template.json");
    Function fn = get(cdk, "Handler886CB40B", Function.class);
    assertThat(fn.meta().sourcePath()).isEqualTo("ApiStack/Handler/Resource");
    assertThat(line(fn.runtime())).isEqualTo(40);
    assertThat(fn.code().location().get()).isEqualTo("asset.3f9a");
    Role role = cdk.roleOf(fn).orElseThrow();
    assertThat(role.meta().sourcePath()).isEqualTo("ApiStack/Handler/ServiceRole/Resource");
    assertThat(cdk.policiesOf(role))
        .extracting(Policy::name)
        .containsExactly("AWSLambdaBasicExecutionRole");
    FunctionUrl url = cdk.urlsOf(fn).get(0);
    assertThat(line(url.authType())).isEqualTo(52);
    assertThat(cdk.permissionsOf(fn))
        .singleElement()
        .satisfies(p -> assertThat(Exposure.isPublicInvoke(p)).isTrue());
    // the URL's public permission belongs to the URL path: one way in
    assertThat(Exposure.unauthenticatedPaths(cdk, fn)).extracting(Exposure.Path::via)
        .containsExactly(url);
  }
}
