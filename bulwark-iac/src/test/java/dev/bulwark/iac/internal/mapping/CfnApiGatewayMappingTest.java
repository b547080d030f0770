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
import dev.bulwark.model.OtherResource;
import dev.bulwark.model.RequestValidator;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.UsagePlan;
import dev.bulwark.model.WebAclAssociation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CfnApiGatewayMappingTest {

  private final CloudModel model = Fixtures.model("cfn-apigateway.yaml");
  private final Function handler = get(model, "Handler", Function.class);
  private final Api rest = get(model, "Api", Api.class);

  @Test
  void restApiEndpointTypeAndResourcePolicy() {
    assertThat(rest.kind()).isEqualTo(ApiKind.REST);
    assertThat(rest.name().get()).isEqualTo("orders");
    assertThat(rest.endpointType().get()).isEqualTo("REGIONAL");
    assertThat(line(rest.endpointType())).isEqualTo(16);
    assertThat(rest.resourcePolicy().get().allows())
        .singleElement()
        .satisfies(s -> assertThat(s.hasPublicPrincipal()).isTrue());
    assertThat(Exposure.restrictsCallers(rest.resourcePolicy())).isFalse();
    assertThat(rest.routesComplete()).isTrue();
  }

  @Test
  void methodPathsFollowResourcesUpToTheRoot() {
    assertThat(model.routesOf(rest))
        .extracting(Route::display)
        .containsExactly("GET /orders/{id}", "POST /orders", "OPTIONS /");
  }

  @Test
  void methodAuthorizationApiKeyIntegrationAndTimeout() {
    Route get = get(model, "GetOrder", Route.class);
    assertThat(get.method().get()).isEqualTo("GET");
    assertThat(line(get.method())).isEqualTo(44);
    assertThat(get.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(line(get.authorizationType())).isEqualTo(45);
    Authorizer a = model.authorizerOf(get).orElseThrow();
    assertThat(a.authorizerType().get()).isEqualTo("TOKEN");
    assertThat(model.function(a.function())).contains(handler);
    assertThat(get.apiKeyRequired().get()).isTrue();
    assertThat(model.function(get.integrationFunction())).contains(handler);
    assertThat(get.integrationTimeoutMillis().get()).isEqualTo(10000);
    assertThat(line(get.integrationTimeoutMillis())).isEqualTo(52);
    assertThat(model.routesTo(handler)).contains(get, get(model, "PostOrder", Route.class));
  }

  @Test
  void missingAuthorizationTypeIsNoneAndMockIntegrationsInvokeNoFunction() {
    Route post = get(model, "PostOrder", Route.class);
    assertThat(post.isUnauthenticated()).isTrue();
    assertThat(post.authorizationType().isExplicit()).isFalse();
    Route mock = get(model, "RootMock", Route.class);
    assertThat(mock.integrationFunction().isAbsent()).isTrue();
    assertThat(model.routesTo(handler)).doesNotContain(mock);
  }

  @Test
  void requestValidatorWithModelsValidatesTheBody() {
    Route post = get(model, "PostOrder", Route.class);
    RequestValidator v =
        model.resolve(post.requestValidator(), RequestValidator.class).orElseThrow();
    assertThat(v.validateBody().get()).isTrue();
    assertThat(v.validateParameters().get()).isFalse();
    assertThat(post.requestModelValidated().get()).isTrue();
    assertThat(model.requestValidators()).containsExactly(v);
  }

  @Test
  void stagesFromStageResourcesAndDeploymentsUseTheStageWideMethodSettings() {
    Stage prod = get(model, "ProdStage", Stage.class);
    assertThat(prod.throttlingRateLimit().get()).isEqualTo(100.0);
    assertThat(line(prod.throttlingRateLimit())).isEqualTo(117);
    assertThat(prod.throttlingBurstLimit().get()).isEqualTo(50);
    assertThat(prod.cachingEnabled().get()).isTrue();
    assertThat(prod.cacheDataEncrypted().get()).isFalse();
    assertThat(prod.cacheClusterEnabled().get()).isTrue();
    assertThat(prod.executionLoggingLevel().get()).isEqualTo("OFF");
    assertThat(prod.accessLogFormat().get()).isEqualTo("$context.requestId");
    Stage dev = get(model, "Deployment#Stage", Stage.class);
    assertThat(dev.name().get()).isEqualTo("dev");
    assertThat(dev.tracing().get()).isTrue();
    assertThat(dev.throttlingRateLimit().get()).isEqualTo(5.0);
    assertThat(line(dev.throttlingRateLimit())).isEqualTo(101);
    assertThat(dev.executionLoggingLevel().get()).isEqualTo("INFO");
    assertThat(model.stagesOf(rest)).containsExactlyInAnyOrder(prod, dev);
    assertThat(model.resource("Deployment", OtherResource.class)).isPresent();
  }

  @Test
  void usagePlanDomainsAndWafAssociation() {
    UsagePlan plan = get(model, "Plan", UsagePlan.class);
    assertThat(model.usagePlansOf(rest)).containsExactly(plan);
    assertThat(plan.throttlingRateLimit().get()).isEqualTo(20.0);
    assertThat(line(plan.throttlingRateLimit())).isEqualTo(133);
    DomainName open = get(model, "Domain", DomainName.class);
    assertThat(open.securityPolicy().get()).isEqualTo("TLS_1_0");
    assertThat(open.securityPolicy().isExplicit()).isFalse();
    assertThat(get(model, "StrictDomain", DomainName.class).securityPolicy().get())
        .isEqualTo("TLS_1_2");
    WebAclAssociation waf = get(model, "Waf", WebAclAssociation.class);
    assertThat(model.webAclsOf(get(model, "ProdStage", Stage.class))).containsExactly(waf);
    assertThat(model.webAclsOf(get(model, "Deployment#Stage", Stage.class))).isEmpty();
    assertThat(line(waf.resourceArn())).isEqualTo(160);
  }

  @Test
  void httpRoutesResolveTheirIntegrationAndAuthorizer() {
    Api http = get(model, "HttpApi", Api.class);
    assertThat(http.kind()).isEqualTo(ApiKind.HTTP);
    Route list = get(model, "ListRoute", Route.class);
    assertThat(list.display()).isEqualTo("GET /items");
    assertThat(line(list.path())).isEqualTo(201);
    assertThat(list.authorizationType().get()).isEqualTo("JWT");
    assertThat(values(list.authorizationScopes())).containsExactly("items.read");
    assertThat(model.authorizerOf(list).orElseThrow().authorizerType().get()).isEqualTo("JWT");
    assertThat(model.function(list.integrationFunction())).contains(handler);
    assertThat(list.integrationTimeoutMillis().get()).isEqualTo(12000);
    Route proxy = get(model, "ProxyRoute", Route.class);
    assertThat(proxy.display()).isEqualTo("ANY $default");
    assertThat(proxy.integrationFunction().isAbsent()).isTrue();
    assertThat(model.routesOf(http)).containsExactly(list, proxy);
  }

  @Test
  void httpStageThrottlingAndDomain() {
    Stage s = get(model, "HttpStage", Stage.class);
    assertThat(s.throttlingRateLimit().get()).isEqualTo(25.0);
    assertThat(line(s.throttlingRateLimit())).isEqualTo(221);
    assertThat(s.accessLogFormat().get()).startsWith("{");
    assertThat(get(model, "HttpDomain", DomainName.class).securityPolicy().get())
        .isEqualTo("TLS_1_2");
  }

  @Test
  void quickCreateApiHasADefaultRouteToItsTargetAndWebSocketRoutesAreRoutes() {
    Api quick = get(model, "QuickApi", Api.class);
    Route r = get(model, "QuickApi#Route", Route.class);
    assertThat(model.apiOf(r)).contains(quick);
    assertThat(model.function(r.integrationFunction())).contains(handler);
    assertThat(r.isUnauthenticated()).isTrue();
    assertThat(line(r.integrationFunction())).isEqualTo(240);
    assertThat(model.stagesOf(quick))
        .singleElement()
        .satisfies(s -> assertThat(s.name().get()).isEqualTo("$default"));
    Api socket = get(model, "Socket", Api.class);
    assertThat(socket.kind()).isEqualTo(ApiKind.WEBSOCKET);
    assertThat(model.routesOf(socket))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path().get()).isEqualTo("$connect");
              assertThat(line(c.path())).isEqualTo(253);
            });
  }

  @Test
  void handlerIsReachableWithoutAuthenticationOnlyThroughOpenRoutes() {
    assertThat(Exposure.unauthenticatedPaths(model, handler))
        .extracting(p -> p.via().id())
        .containsExactlyInAnyOrder("PostOrder", "QuickApi#Route");
  }
}
