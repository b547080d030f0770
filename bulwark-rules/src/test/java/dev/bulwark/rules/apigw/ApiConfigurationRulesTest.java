package dev.bulwark.rules.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.DomainName;
import dev.bulwark.model.Ref;
import dev.bulwark.model.RequestValidator;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.UsagePlan;
import dev.bulwark.model.WebAclAssociation;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API configuration rules on hand-built models: defaults, unknowns and exemptions. */
class ApiConfigurationRulesTest {

  private final ModelKit k = new ModelKit();

  private Api api(String id, ApiKind kind, Attr<String> endpointType) {
    return new Api(k.meta(id, "AWS::ApiGateway::RestApi"), kind, k.absent(), endpointType,
        k.absent(), k.absent(), true);
  }

  private Api restApi(String id) {
    return api(id, ApiKind.REST, k.defaulted("EDGE"));
  }

  /** A stage whose every setting is absent; override with the with… methods. */
  private final class StageSpec {
    String id = "ProdStage";
    Attr<Ref> api;
    Attr<String> name = k.of("prod");
    Attr<Double> rate = k.absent();
    Attr<Integer> burst = k.absent();
    Attr<Ref> logDestination = k.absent();
    Attr<String> logFormat = k.absent();
    Attr<String> level = k.absent();
    Attr<Boolean> tracing = k.absent();
    Attr<Boolean> cluster = k.absent();
    Attr<Boolean> caching = k.absent();
    Attr<Boolean> encrypted = k.absent();

    StageSpec(String apiId) {
      this.api = k.ref(apiId);
    }

    Stage build() {
      return new Stage(k.meta(id, "AWS::ApiGateway::Stage"), api, name, rate, burst,
          logDestination, logFormat, level, tracing, cluster, caching, encrypted);
    }
  }

  private List<Finding> run(Rule rule, Resource... resources) {
    return ModelKit.run(rule, resources);
  }

  // ------------------------------------------------------------------ APIGW-003

  private Route route(String apiId, String method, Attr<Ref> validator, Attr<Boolean> model) {
    return new Route(k.meta(method + "Route", "AWS::ApiGateway::Method"), k.ref(apiId),
        k.of(method), k.of("/orders"), k.of("AWS_IAM"), k.absent(), k.absent(), k.absent(),
        k.absent(), validator, model);
  }

  @Test
  void reportsARestApiWhoseMethodsValidateNothingButIgnoresOptions() {
    RequestValidator preflight = new RequestValidator(
        k.meta("V", "AWS::ApiGateway::RequestValidator"), k.ref("Orders"), k.of(true), k.of(true));
    List<Finding> found = run(new RestApiWithoutRequestValidation(), restApi("Orders"), preflight,
        route("Orders", "POST", k.absent(), k.absent()),
        route("Orders", "OPTIONS", k.ref("V"), k.absent()));
    assertThat(found).singleElement().satisfies(f -> assertThat(f.message())
        .isEqualTo("REST API Orders: its only method does not validate requests (no request"
            + " validator or validated request model)"));
  }

  @Test
  void skipsApisThatTakeNoRequestBodies() {
    assertThat(run(new RestApiWithoutRequestValidation(), restApi("Catalog"),
        route("Catalog", "GET", k.absent(), k.absent()),
        route("Catalog", "DELETE", k.absent(), k.absent()))).isEmpty();
    assertThat(run(new RestApiWithoutRequestValidation(), restApi("Catalog"),
        route("Catalog", "GET", k.absent(), k.absent()),
        route("Catalog", "ANY", k.absent(), k.absent()))).extracting(Finding::message)
        .containsExactly("REST API Catalog: none of its 2 methods validates requests (no request"
            + " validator or validated request model)");
  }

  @Test
  void acceptsOneValidatedMethodAndStaysSilentOnUnknownValidators() {
    RestApiWithoutRequestValidation rule = new RestApiWithoutRequestValidation();
    assertThat(run(rule, restApi("Orders"), route("Orders", "POST", k.absent(), k.of(true)),
        route("Orders", "GET", k.absent(), k.absent()))).isEmpty();
    assertThat(run(rule, restApi("Orders"),
        route("Orders", "POST", k.unknown("ValidatorId"), k.absent()))).isEmpty();
  }

  @Test
  void skipsApisWhoseRoutesAreNotAllKnown() {
    Api partial = new Api(k.meta("Orders", "AWS::Serverless::Api"), ApiKind.REST, k.absent(),
        k.defaulted("EDGE"), k.absent(), k.absent(), false);
    assertThat(run(new RestApiWithoutRequestValidation(), partial,
        route("Orders", "POST", k.absent(), k.absent()))).isEmpty();
  }

  // ------------------------------------------------------------------ APIGW-004

  @Test
  void reportsAStageWithoutAnyChosenLimitIncludingDefaultsAndMinusOne() {
    StageSpec defaulted = new StageSpec("Orders");
    defaulted.rate = k.defaulted(10_000.0);
    StageSpec unlimited = new StageSpec("Orders");
    unlimited.id = "Unlimited";
    unlimited.rate = k.of(-1.0);
    unlimited.burst = k.of(-1);
    List<Finding> found = run(new UnthrottledStage(), restApi("Orders"), defaulted.build(),
        unlimited.build());
    assertThat(found).hasSize(2);
    assertThat(found.get(0).message())
        .startsWith("Stage prod of API Orders: no throttling limit");
  }

  @Test
  void acceptsAStageLimitAnUnresolvedLimitOrAUsagePlanThrottle() {
    UnthrottledStage rule = new UnthrottledStage();
    StageSpec burstOnly = new StageSpec("Orders");
    burstOnly.burst = k.of(100);
    assertThat(run(rule, restApi("Orders"), burstOnly.build())).isEmpty();
    StageSpec param = new StageSpec("Orders");
    param.rate = k.unknown("RateLimit");
    assertThat(run(rule, restApi("Orders"), param.build())).isEmpty();
    UsagePlan plan = new UsagePlan(k.meta("Plan", "AWS::ApiGateway::UsagePlan"),
        List.of(k.ref("Orders")), k.of(10.0), k.absent());
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(), plan)).isEmpty();
  }

  @Test
  void ignoresUsagePlansOfOtherApisButTrustsPlansWithAnUnresolvedApi() {
    UnthrottledStage rule = new UnthrottledStage();
    UsagePlan other = new UsagePlan(k.meta("Plan", "AWS::ApiGateway::UsagePlan"),
        List.of(k.ref("Reports")), k.of(10.0), k.of(20));
    assertThat(run(rule, restApi("Orders"), restApi("Reports"), new StageSpec("Orders").build(),
        other)).hasSize(1);
    UsagePlan imported = new UsagePlan(k.meta("Plan", "AWS::ApiGateway::UsagePlan"),
        List.of(k.unknown("Fn::ImportValue")), k.of(10.0), k.of(20));
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(), imported)).isEmpty();
  }

  @Test
  void namesTheUsagePlanThatSetsNoThrottleAndRatesPrivateApisLow() {
    UsagePlan quotaOnly = new UsagePlan(k.meta("QuotaPlan", "AWS::ApiGateway::UsagePlan"),
        List.of(k.ref("Orders")), k.absent(), k.absent());
    assertThat(run(new UnthrottledStage(), restApi("Orders"), new StageSpec("Orders").build(),
        quotaOnly)).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).isEqualTo("Stage prod of API Orders: no throttling limit (no"
              + " stage rate or burst limit; usage plan QuotaPlan sets no throttle), so only the"
              + " account-wide default of 10,000 requests per second applies");
        });
    assertThat(run(new UnthrottledStage(), api("Orders", ApiKind.REST, k.of("PRIVATE")),
        new StageSpec("Orders").build())).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.LOW);
          assertThat(f.message()).startsWith("Stage prod of API Orders (private API): no"
              + " throttling limit (no stage rate or burst limit, no usage plan)");
        });
  }

  // ------------------------------------------------------------------ APIGW-005

  private WebAclAssociation association(Attr<String> resourceArn) {
    return new WebAclAssociation(k.meta("Assoc", "AWS::WAFv2::WebACLAssociation"),
        k.of(Ref.literal("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/a/b")),
        resourceArn);
  }

  @Test
  void reportsAPublicRestStageWithoutWebAclButNotPrivateOrHttpApis() {
    StageWithoutWebAcl rule = new StageWithoutWebAcl();
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build())).hasSize(1);
    assertThat(run(rule, api("Orders", ApiKind.REST, k.of("PRIVATE")),
        new StageSpec("Orders").build())).isEmpty();
    assertThat(run(rule, api("Orders", ApiKind.REST, k.unknown("EndpointType")),
        new StageSpec("Orders").build())).isEmpty();
    assertThat(run(rule, api("Events", ApiKind.HTTP, k.absent()),
        new StageSpec("Events").build())).isEmpty();
  }

  @Test
  void readsTheStageNameOfAnAssociationThatReferencesTheApi() {
    StageWithoutWebAcl rule = new StageWithoutWebAcl();
    Attr<String> dev = Attr.unknown(k.at(),
        "arn:aws:apigateway:${AWS::Region}::/restapis/${Orders}/stages/dev", List.of("Orders"));
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(), association(dev)))
        .hasSize(1);
    Attr<String> prod = Attr.unknown(k.at(),
        "arn:aws:apigateway:${AWS::Region}::/restapis/${Orders}/stages/prod", List.of("Orders"));
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(), association(prod)))
        .isEmpty();
    Attr<String> anyStage = Attr.unknown(k.at(),
        "arn:aws:apigateway:${AWS::Region}::/restapis/${Orders}/stages/${StageName}",
        List.of("Orders"));
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(),
        association(anyStage))).isEmpty();
  }

  @Test
  void staysSilentWhenAnAssociationArnIsUnresolvedButReportsWhenItIsAnotherLiteral() {
    StageWithoutWebAcl rule = new StageWithoutWebAcl();
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(),
        association(k.unknown("ProtectedArn")))).isEmpty();
    assertThat(run(rule, restApi("Orders"), new StageSpec("Orders").build(),
        association(k.of("arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod"))))
        .hasSize(1);
  }

  // ------------------------------------------------------------------ APIGW-006

  @Test
  void reportsTls10WrittenOrDefaultedOnRestDomainsOnly() {
    CustomDomainAllowingTls10 rule = new CustomDomainAllowingTls10();
    DomainName restDefault = new DomainName(k.meta("Rest", "AWS::ApiGateway::DomainName"),
        ApiKind.REST, k.of("api.example.com"), k.absent());
    DomainName httpDefault = new DomainName(k.meta("Http", "AWS::ApiGatewayV2::DomainName"),
        ApiKind.HTTP, k.of("events.example.com"), k.absent());
    DomainName httpTls10 = new DomainName(k.meta("Old", "AWS::ApiGatewayV2::DomainName"),
        ApiKind.HTTP, k.of("old.example.com"), k.of("TLS_1_0"));
    DomainName strict = new DomainName(k.meta("Strict", "AWS::ApiGateway::DomainName"),
        ApiKind.REST, k.of("strict.example.com"), k.of("SecurityPolicy_TLS13_1_3_2025_09"));
    List<Finding> found = run(rule, restDefault, httpDefault, httpTls10, strict);
    assertThat(found).extracting(Finding::message).containsExactly(
        "Custom domain api.example.com (Rest): default security policy TLS_1_0 accepts clients"
            + " that negotiate TLS 1.0",
        "Custom domain old.example.com (Old): security policy TLS_1_0 accepts clients that"
            + " negotiate TLS 1.0");
  }

  // ------------------------------------------------------------------ APIGW-008..012

  @Test
  void reportsMissingAccessLogsOnEveryKindOfStageButNotUnresolvedDestinations() {
    StageSpec none = new StageSpec("Events");
    StageSpec imported = new StageSpec("Events");
    imported.id = "Imported";
    imported.logDestination = k.unknown("Fn::ImportValue");
    assertThat(run(new StageWithoutAccessLogging(), api("Events", ApiKind.HTTP, k.absent()),
        none.build(), imported.build())).extracting(f -> f.resource().id())
        .containsExactly("ProdStage");
  }

  @Test
  void reportsExecutionLoggingOffOnRestStagesAndPointsAtAnExplicitLevel() {
    StageSpec off = new StageSpec("Orders");
    off.level = k.of("OFF");
    StageSpec error = new StageSpec("Orders");
    error.id = "ErrorStage";
    error.level = k.of("ERROR");
    List<Finding> found = run(new StageWithoutExecutionLogging(), restApi("Orders"), off.build(),
        error.build());
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.location()).isEqualTo(off.level.location());
      assertThat(f.message())
          .isEqualTo("Stage prod of API Orders: execution logging level is OFF");
    });
    assertThat(run(new StageWithoutExecutionLogging(), api("Events", ApiKind.HTTP, k.absent()),
        new StageSpec("Events").build())).isEmpty();
  }

  @Test
  void judgesAStageOutsideTheModelByItsResourceType() {
    StageSpec orphan = new StageSpec("ImportedApi");
    orphan.api = k.unknown("Fn::ImportValue");
    assertThat(run(new StageWithoutTracing(), orphan.build())).hasSize(1);
  }

  @Test
  void reportsTracingOffOnRestStagesOnly() {
    StageSpec on = new StageSpec("Orders");
    on.tracing = k.of(true);
    assertThat(run(new StageWithoutTracing(), restApi("Orders"), on.build())).isEmpty();
    assertThat(run(new StageWithoutTracing(), restApi("Orders"), new StageSpec("Orders").build()))
        .hasSize(1);
    assertThat(run(new StageWithoutTracing(), api("Events", ApiKind.WEBSOCKET, k.absent()),
        new StageSpec("Events").build())).isEmpty();
  }

  @Test
  void reportsANonJsonAccessLogFormatOnlyWhenLoggingIsOn() {
    StageSpec clf = new StageSpec("Orders");
    clf.logDestination = k.ref("Logs");
    clf.logFormat =
        k.of("$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod\"");
    StageSpec json = new StageSpec("Orders");
    json.id = "Json";
    json.logDestination = k.ref("Logs");
    json.logFormat = k.of("  {\"requestId\":\"$context.requestId\"}\n");
    StageSpec off = new StageSpec("Orders");
    off.id = "Off";
    off.logFormat = k.of("$context.requestId");
    List<Finding> found = run(new NonJsonAccessLogFormat(), restApi("Orders"), clf.build(),
        json.build(), off.build());
    assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
        "Stage prod of API Orders: access log format is not JSON (\"$context.identity.sourceIp"
            + " - - [$context…\")"));
  }

  @Test
  void reportsAnUnencryptedCacheOnlyWhenResponsesAreCached() {
    StageSpec cached = new StageSpec("Orders");
    cached.cluster = k.of(true);
    cached.caching = k.of(true);
    StageSpec clusterOnly = new StageSpec("Orders");
    clusterOnly.id = "ClusterOnly";
    clusterOnly.cluster = k.of(true);
    StageSpec encrypted = new StageSpec("Orders");
    encrypted.id = "Encrypted";
    encrypted.cluster = k.of(true);
    encrypted.caching = k.of(true);
    encrypted.encrypted = k.of(true);
    assertThat(run(new UnencryptedApiCache(), restApi("Orders"), cached.build(),
        clusterOnly.build(), encrypted.build())).extracting(f -> f.resource().id())
        .containsExactly("ProdStage");
  }

  @Test
  void saysWhetherCacheEncryptionIsOffByDefaultOrAsWritten() {
    StageSpec unset = new StageSpec("Orders");
    unset.cluster = k.of(true);
    unset.caching = k.of(true);
    unset.encrypted = k.defaulted(false);
    StageSpec off = new StageSpec("Orders");
    off.id = "Off";
    off.name = k.of("beta");
    off.cluster = k.of(true);
    off.caching = k.of(true);
    off.encrypted = k.of(false);
    assertThat(run(new UnencryptedApiCache(), restApi("Orders"), unset.build(), off.build()))
        .extracting(Finding::message)
        .containsExactly(
            "Stage prod of API Orders caches responses unencrypted (CacheDataEncrypted is not"
                + " set; off by default)",
            "Stage beta of API Orders caches responses unencrypted (CacheDataEncrypted is"
                + " false)");
  }
}
