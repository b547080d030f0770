package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static dev.bulwark.iac.internal.mapping.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.DomainName;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.Statement;
import dev.bulwark.model.UsagePlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamApiMappingTest {

  private final CloudModel model = Fixtures.model("sam-api.yaml");
  private final Function items = get(model, "ItemsFunction", Function.class);

  @Test
  void apiEventWithoutRestApiIdGoesToTheImplicitApiAndItsProdStage() {
    Route r = get(model, "ItemsFunctionListItems", Route.class);
    Api api = model.apiOf(r).orElseThrow();
    assertThat(api.id()).isEqualTo("ServerlessRestApi");
    assertThat(api.kind()).isEqualTo(ApiKind.REST);
    assertThat(api.meta().generatedFrom()).isEqualTo("ItemsFunction");
    assertThat(r.method().get()).isEqualTo("GET");
    assertThat(r.display()).isEqualTo("GET /items");
    assertThat(line(r.path())).isEqualTo(33);
    assertThat(r.isUnauthenticated()).isTrue();
    assertThat(r.authorizationType().isExplicit()).isFalse();
    assertThat(model.routesTo(items)).contains(r);
    Stage prod = get(model, "ServerlessRestApiProdStage", Stage.class);
    assertThat(prod.name().get()).isEqualTo("Prod");
    assertThat(model.stagesOf(api)).containsExactly(prod);
  }

  @Test
  void apiEventPermissionIsTheOneSamCreatesForAllStagesOfTheRoute() {
    Permission p = get(model, "ItemsFunctionListItemsPermissionProd", Permission.class);
    assertThat(p.principal().get()).isEqualTo("apigateway.amazonaws.com");
    assertThat(p.action().get()).isEqualTo("lambda:InvokeFunction");
    assertThat(p.sourceArn().shape())
        .isEqualTo(
            "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${ServerlessRestApi}/*/GET/items");
    assertThat(p.sourceArn().references()).containsExactly("ServerlessRestApi");
    assertThat(model.permissionsOf(items)).contains(p);
    assertThat(Exposure.isPublicInvoke(p)).isFalse();
    assertThat(
            get(model, "ItemsFunctionGetItemPermissionprod", Permission.class).sourceArn().shape())
        .endsWith("${SecureApi}/*/GET/items/*");
    assertThat(get(model, "ItemsFunctionAdminPermissionprod", Permission.class).sourceArn().shape())
        .endsWith("${SecureApi}/*/*/admin");
  }

  @Test
  void globalsApiApplyToTheImplicitApiAsToExplicitOnes() {
    Stage prod = get(model, "ServerlessRestApiProdStage", Stage.class);
    assertThat(prod.throttlingRateLimit().get()).isEqualTo(50.0);
    assertThat(prod.throttlingBurstLimit().get()).isEqualTo(100);
    assertThat(line(prod.throttlingRateLimit())).isEqualTo(8);
    assertThat(prod.tracing().get()).isTrue();
    assertThat(prod.executionLoggingLevel().get()).isEqualTo("ERROR");
    assertThat(get(model, "SecureApiprodStage", Stage.class).throttlingRateLimit().get())
        .isEqualTo(50.0);
  }

  @Test
  void defaultAuthorizerAppliesToRoutesThatSetNone() {
    Route r = get(model, "ItemsFunctionGetItem", Route.class);
    assertThat(r.authorizationType().get()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(line(r.authorizationType())).isEqualTo(116);
    Authorizer a = model.authorizerOf(r).orElseThrow();
    assertThat(a.id()).isEqualTo("SecureApiCognitoAuthAuthorizer");
    assertThat(a.authorizerType().get()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(values(r.authorizationScopes())).containsExactly("items/read");
    assertThat(r.apiKeyRequired().get()).isTrue();
    assertThat(line(r.apiKeyRequired())).isEqualTo(117);
  }

  @Test
  void authorizerNoneOverridesTheDefaultAndAnEventCanDropTheApiKey() {
    Route r = get(model, "ItemsFunctionHealth", Route.class);
    assertThat(r.isUnauthenticated()).isTrue();
    assertThat(r.authorizationType().isExplicit()).isTrue();
    assertThat(line(r.authorizationType())).isEqualTo(48);
    assertThat(r.authorizer().isAbsent()).isTrue();
    assertThat(r.apiKeyRequired().get()).isFalse();
  }

  @Test
  void iamAndLambdaAuthorizersAreNormalized() {
    Route admin = get(model, "ItemsFunctionAdmin", Route.class);
    assertThat(admin.authorizationType().get()).isEqualTo("AWS_IAM");
    assertThat(admin.method().get()).isEqualTo("ANY");
    Route token = get(model, "ItemsFunctionToken", Route.class);
    assertThat(token.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(line(token.authorizationType())).isEqualTo(65);
    Authorizer tokenAuth = model.authorizerOf(token).orElseThrow();
    assertThat(tokenAuth.authorizerType().get()).isEqualTo("TOKEN");
    assertThat(model.function(tokenAuth.function()).map(Function::id)).contains("AuthFunction");
    Route partner = get(model, "ItemsFunctionPartner", Route.class);
    assertThat(model.authorizerOf(partner).orElseThrow().authorizerType().get())
        .isEqualTo("REQUEST");
    assertThat(token.requestModelValidated().get()).isTrue();
  }

  @Test
  void lambdaAuthorizersGetThePermissionSamGivesApiGateway() {
    Function auth = get(model, "AuthFunction", Function.class);
    assertThat(model.permissionsOf(auth))
        .extracting(Permission::id)
        .containsExactlyInAnyOrder(
            "SecureApiTokenAuthAuthorizerPermission", "SecureApiRequestAuthAuthorizerPermission");
    assertThat(
            get(model, "SecureApiTokenAuthAuthorizerPermission", Permission.class)
                .sourceArn()
                .shape())
        .endsWith("${SecureApi}/authorizers/*");
  }

  @Test
  void apiAndEventResourcePoliciesBecomeTheApisPolicy() {
    Api api = get(model, "SecureApi", Api.class);
    assertThat(api.resourcePolicy().isPresent()).isTrue();
    var statements = api.resourcePolicy().get().statements();
    assertThat(statements).hasSize(2);
    Statement ip = statements.get(0);
    assertThat(ip.isAllow()).isTrue();
    assertThat(ip.hasPublicPrincipal()).isTrue();
    assertThat(ip.conditionsOn("aws:SourceIp"))
        .singleElement()
        .satisfies(c -> assertThat(values(c.values())).containsExactly("10.0.0.0/8"));
    assertThat(ip.location().startLine()).isEqualTo(128);
    Statement account = statements.get(1);
    assertThat(account.principals())
        .singleElement()
        .satisfies(p -> assertThat(p.value().get()).isEqualTo("111122223333"));
    assertThat(values(account.resources())).containsExactly("execute-api:/*/PUT/partner");
    assertThat(Exposure.restrictsCallers(api.resourcePolicy())).isTrue();
  }

  @Test
  void stageSettingsUsagePlanAndDomainOfAnExplicitApi() {
    Api api = get(model, "SecureApi", Api.class);
    assertThat(api.endpointType().get()).isEqualTo("REGIONAL");
    Stage stage = get(model, "SecureApiprodStage", Stage.class);
    assertThat(model.apiOf(stage)).contains(api);
    assertThat(stage.accessLogDestination().get()).isEqualTo(new Ref.ToResource("ApiLogs", "Arn"));
    assertThat(stage.accessLogFormat().get()).startsWith("{");
    assertThat(stage.cacheClusterEnabled().get()).isTrue();
    assertThat(stage.cacheDataEncrypted().get()).isFalse();
    UsagePlan plan = get(model, "SecureApiUsagePlan", UsagePlan.class);
    assertThat(model.usagePlansOf(api)).containsExactly(plan);
    assertThat(plan.throttlingRateLimit().get()).isEqualTo(10.0);
    assertThat(line(plan.throttlingRateLimit())).isEqualTo(132);
    DomainName domain = get(model, "SecureApiDomainName", DomainName.class);
    assertThat(domain.domainName().get()).isEqualTo("api.example.com");
    assertThat(domain.securityPolicy().get()).isEqualTo("TLS_1_0");
    assertThat(domain.securityPolicy().isExplicit()).isFalse();
  }

  @Test
  void httpApiRoutesUseJwtDefaultsIamAndNone() {
    Route jwt = get(model, "ItemsFunctionJwtHttp", Route.class);
    assertThat(jwt.authorizationType().get()).isEqualTo("JWT");
    assertThat(values(jwt.authorizationScopes())).containsExactly("orders/write");
    assertThat(line(jwt.authorizationScopes().get(0))).isEqualTo(94);
    assertThat(model.authorizerOf(jwt).orElseThrow().authorizerType().get()).isEqualTo("JWT");
    assertThat(get(model, "ItemsFunctionIamHttp", Route.class).authorizationType().get())
        .isEqualTo("AWS_IAM");
    assertThat(get(model, "ItemsFunctionPublicHttp", Route.class).isUnauthenticated()).isTrue();
    assertThat(get(model, "ItemsFunctionJwtHttpPermission", Permission.class).sourceArn().shape())
        .endsWith("${OrdersHttpApi}/*/POST/orders");
  }

  @Test
  void httpApiStageThrottlingComesFromDefaultRouteSettingsAndHttpDomainsAreTls12() {
    Stage s = get(model, "OrdersHttpApiApiGatewayDefaultStage", Stage.class);
    assertThat(s.name().get()).isEqualTo("$default");
    assertThat(s.throttlingRateLimit().get()).isEqualTo(100.0);
    assertThat(s.throttlingBurstLimit().get()).isEqualTo(200);
    assertThat(line(s.throttlingRateLimit())).isEqualTo(143);
    assertThat(s.tracing().isAbsent()).isTrue();
    assertThat(get(model, "OrdersHttpApiDomainName", DomainName.class).securityPolicy().get())
        .isEqualTo("TLS_1_2");
  }

  @Test
  void httpApiEventWithoutApiIdGoesToTheImplicitHttpApiDefaultRoute() {
    Route r = get(model, "ItemsFunctionCatchAll", Route.class);
    assertThat(model.apiOf(r).map(Api::id)).contains("ServerlessHttpApi");
    assertThat(r.display()).isEqualTo("ANY $default");
    assertThat(get(model, "ServerlessHttpApiApiGatewayDefaultStage", Stage.class).name().get())
        .isEqualTo("$default");
    assertThat(get(model, "ItemsFunctionCatchAllPermission", Permission.class).sourceArn().shape())
        .endsWith("${ServerlessHttpApi}/*/*");
  }

  @Test
  void inlineDefinitionRoutesReadSecurityApiKeysAndIntegrations() {
    Api api = get(model, "DefinedApi", Api.class);
    assertThat(api.routesComplete()).isTrue();
    assertThat(model.routesOf(api))
        .extracting(Route::display)
        .containsExactly(
            "GET /open", "POST /keyed", "DELETE /signed", "OPTIONS /signed", "GET /custom");
    Route open = get(model, "DefinedApi#GET/open", Route.class);
    assertThat(open.isUnauthenticated()).isTrue();
    assertThat(model.function(open.integrationFunction())).contains(items);
    Route keyed = get(model, "DefinedApi#POST/keyed", Route.class);
    assertThat(keyed.apiKeyRequired().get()).isTrue();
    assertThat(line(keyed.apiKeyRequired())).isEqualTo(194);
    assertThat(keyed.isUnauthenticated()).isTrue();
    assertThat(keyed.integrationTimeoutMillis().get()).isEqualTo(5000);
    assertThat(get(model, "DefinedApi#DELETE/signed", Route.class).authorizationType().get())
        .isEqualTo("AWS_IAM");
    Route mock = get(model, "DefinedApi#OPTIONS/signed", Route.class);
    assertThat(mock.integrationFunction().isAbsent()).isTrue();
    Route custom = get(model, "DefinedApi#GET/custom", Route.class);
    assertThat(custom.authorizationType().get()).isEqualTo("CUSTOM");
    Authorizer a = model.authorizerOf(custom).orElseThrow();
    assertThat(a.authorizerType().get()).isEqualTo("TOKEN");
    assertThat(model.function(a.function()).map(Function::id)).contains("AuthFunction");
    assertThat(model.routesTo(items)).contains(open, keyed, custom);
  }

  @Test
  void externalDefinitionMeansRoutesAreNotKnownAndPrivateEndpointsArePrivate() {
    Api api = get(model, "ExternalApi", Api.class);
    assertThat(api.routesComplete()).isFalse();
    assertThat(api.isPrivate()).isTrue();
    assertThat(line(api.endpointType())).isEqualTo(226);
  }
}
