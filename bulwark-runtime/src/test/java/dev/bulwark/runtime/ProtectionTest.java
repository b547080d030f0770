package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.KeywordDetector;
import dev.bulwark.runtime.support.TestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProtectionTest {

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

  private final RequestHandler<Map<String, Object>, Map<String, Object>> ok = (event, ctx) -> {
    calls.incrementAndGet();
    seen.set(event);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("statusCode", 200);
    r.put("body", "fine");
    return r;
  };

  private Protection.Builder protection(Mode mode) {
    return Protection.builder().mode(mode).detector(new KeywordDetector()).eventSink(log::add);
  }

  private static Map<String, Object> sqlInQuery() {
    return Fixtures.httpApi("GET", "/orders", Map.of("id", "1' OR 1=1 --"), "", Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String s) {
    return (Map<String, Object>) Json.parse(s);
  }

  @Test
  void blocksAnHttpApiAttackWith403CarryingTheRequestIdButNoAttackDetail() {
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(ok).handleRequest(sqlInQuery(), new TestContext("req-77"));
    assertThat(calls).hasValue(0);
    assertThat(r.get("statusCode")).isEqualTo(403);
    assertThat((Map<String, Object>) r.get("headers")).containsEntry("content-type", "application/json");
    Map<String, Object> body = json((String) r.get("body"));
    assertThat(body).containsExactly(Map.entry("error", "forbidden"), Map.entry("requestId", "req-77"));
    assertThat((String) r.get("body")).doesNotContain("OR 1=1").doesNotContain("sql");
  }

  @Test
  void monitorModeRunsTheHandlerAndLogsTheAttack() {
    Map<String, Object> r = protection(Mode.MONITOR).build().wrap(ok).handleRequest(sqlInQuery(), new TestContext());
    assertThat(calls).hasValue(1);
    assertThat(r.get("statusCode")).isEqualTo(200);
    Map<String, Object> event = json(Fixtures.lines(log, "security-event").get(0));
    assertThat(event).containsEntry("class", "sql-injection").containsEntry("location", "query.id")
        .containsEntry("action", "monitored").containsEntry("mode", "monitor").containsEntry("function", "orders")
        .containsEntry("requestId", "req-test-1").containsEntry("sourceIp", "198.51.100.23")
        .containsEntry("trigger", "apigateway-http").containsEntry("rule", "sqli.test");
  }

  @Test
  void defaultsToMonitorMode() {
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add).build();
    p.wrap(ok).handleRequest(sqlInQuery(), new TestContext());
    assertThat(calls).hasValue(1);
  }

  @Test
  void letsBenignRequestsThroughWithoutLogging() {
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(ok)
        .handleRequest(Fixtures.event("apigw-v2.json"), new TestContext());
    assertThat(r.get("statusCode")).isEqualTo(200);
    assertThat(log).isEmpty();
  }

  @Test
  void answersAlbInItsOwnShapeWithMultiValueHeadersWhenTheRequestUsedThem() {
    Map<String, Object> e = Fixtures.event("alb-multi.json");
    e.put("multiValueQueryStringParameters", Map.of("q", List.of("x%27%20or%201%3D1")));
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(ok).handleRequest(e, new TestContext());
    assertThat(r.get("statusCode")).isEqualTo(403);
    assertThat(r.get("statusDescription")).isEqualTo("403 Forbidden");
    assertThat(r).containsKey("multiValueHeaders").doesNotContainKey("headers");
  }

  @Test
  void reportsAttackedSqsRecordsAsBatchItemFailuresAndProcessesTheRest() {
    Map<String, Object> e = Fixtures.event("sqs.json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = new ArrayList<>((List<Map<String, Object>>) e.get("Records"));
    Map<String, Object> bad = new LinkedHashMap<>(records.get(1));
    bad.put("body", "{\"q\":\"x' OR 1=1 --\"}");
    records.set(1, bad);
    e.put("Records", records);
    RequestHandler<Map<String, Object>, Map<String, Object>> batch = (event, ctx) -> {
      seen.set(event);
      return Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "handler-own")));
    };
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(batch).handleRequest(e, new TestContext());
    assertThat((List<?>) seen.get().get("Records")).hasSize(1);
    assertThat(r.get("batchItemFailures")).isEqualTo(List.of(
        Map.of("itemIdentifier", "handler-own"), Map.of("itemIdentifier", "msg-0002")));
    assertThat(Fixtures.lines(log, "security-event").get(0)).contains("\"action\":\"record-failed\"");
  }

  @Test
  void dropsAttackedRecordsWhenConfiguredTo() {
    Map<String, Object> e = Fixtures.event("sqs.json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) e.get("Records");
    records.get(0).put("body", "<script>alert(1)</script>");
    Map<String, Object> r = protection(Mode.BLOCK).batchFailures(BatchFailureMode.DROP).build().wrap(ok)
        .handleRequest(e, new TestContext());
    assertThat(r).isEqualTo(Map.of("statusCode", 200, "body", "fine"));
    assertThat((List<?>) seen.get().get("Records")).hasSize(1);
    assertThat(Fixtures.lines(log, "security-event").get(0)).contains("\"action\":\"record-dropped\"");
  }

  @Test
  void skipsTheHandlerWhenEveryRecordOfTheBatchIsRejected() {
    Map<String, Object> e = Fixtures.event("kinesis.json");
    @SuppressWarnings("unchecked")
    Map<String, Object> k = (Map<String, Object>) ((List<Map<String, Object>>) e.get("Records")).get(0).get("kinesis");
    k.put("data", java.util.Base64.getEncoder().encodeToString("../../etc/passwd".getBytes()));
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(ok).handleRequest(e, new TestContext());
    assertThat(calls).hasValue(0);
    assertThat(r).isEqualTo(Map.of("batchItemFailures",
        List.of(Map.of("itemIdentifier", "49590338271490256608559692538361571095921575989136588898"))));
  }

  @Test
  void failsOtherTriggersWithAClearErrorThatHidesTheAttack() {
    Map<String, Object> e = Fixtures.event("eventbridge.json");
    e.put("detail", Map.of("sku", "1 UNION SELECT password FROM users"));
    RequestHandler<Map<String, Object>, Map<String, Object>> h = protection(Mode.BLOCK).build().wrap(ok);
    assertThatThrownBy(() -> h.handleRequest(e, new TestContext("req-9")))
        .isInstanceOf(BulwarkBlockedException.class)
        .hasMessage("Blocked by Bulwark: forbidden (request req-9)");
    assertThat(calls).hasValue(0);
  }

  @Test
  void logsLowConfidenceDetectionsWithoutBlocking() {
    Map<String, Object> e = Fixtures.httpApi("GET", "/x", Map.of("q", "maybe-sql"), "", Map.of());
    Map<String, Object> r = protection(Mode.BLOCK).build().wrap(ok).handleRequest(e, new TestContext());
    assertThat(r.get("statusCode")).isEqualTo(200);
    assertThat(Fixtures.lines(log, "security-event").get(0)).contains("\"action\":\"logged\"");
  }

  @Test
  void honoursPerRouteAndPerFieldExemptions() {
    Map<String, Object> e = Fixtures.httpApi("POST", "/posts/7", Map.of(), "{\"html\":\"<script>x</script>\",\"t\":\"<script>\"}",
        Map.of("content-type", "application/json"));
    Protection p = protection(Mode.BLOCK)
        .route(Route.builder("POST /posts/{id}").exempt("body.$.html", AttackClass.XSS).build())
        .build();
    Map<String, Object> r = p.wrap(ok).handleRequest(e, new TestContext());
    assertThat(r.get("statusCode")).isEqualTo(403);
    assertThat(log).noneMatch(l -> l.contains("body.$.html")).anyMatch(l -> l.contains("body.$.t"));
    log.clear();
    Protection global = protection(Mode.BLOCK).exempt("body.$.*", AttackClass.XSS).build();
    assertThat(global.wrap(ok).handleRequest(e, new TestContext()).get("statusCode")).isEqualTo(200);
    Protection otherClass = protection(Mode.BLOCK).exempt("body.$.*", AttackClass.SQL_INJECTION).build();
    assertThat(otherClass.wrap(ok).handleRequest(e, new TestContext()).get("statusCode")).isEqualTo(403);
  }

  @Test
  void rethrowsTheHandlersOwnExceptionUnchanged() {
    IllegalStateException boom = new IllegalStateException("handler bug");
    RequestHandler<Map<String, Object>, Map<String, Object>> failing = (ev, ctx) -> {
      throw boom;
    };
    RequestHandler<Map<String, Object>, Map<String, Object>> h = protection(Mode.BLOCK).build().wrap(failing);
    assertThatThrownBy(() -> h.handleRequest(Fixtures.event("apigw-v2.json"), new TestContext())).isSameAs(boom);
  }

  @Test
  void neverLogsAuthorizationHeadersCookiesOrTokens() {
    Map<String, Object> e = Fixtures.httpApi("GET", "/x",
        Map.of("next", "' OR 1=1 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstuv"),
        "", Map.of("authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.secretsecret.sig", "cookie", "session=' OR 1=1 abc"));
    protection(Mode.MONITOR).build().wrap(ok).handleRequest(e, new TestContext());
    assertThat(log).isNotEmpty();
    assertThat(String.join("\n", log)).doesNotContain("secretsecret").doesNotContain("eyJzdWIi")
        .doesNotContain("session=").contains("[redacted]");
  }

  @Test
  void writesEmbeddedMetricFormatCountersForCloudWatch() {
    protection(Mode.BLOCK).build().wrap(ok).handleRequest(sqlInQuery(), new TestContext());
    List<String> emf = Fixtures.lines(log, "\"_aws\"");
    assertThat(emf).hasSize(2);
    Map<String, Object> totals = json(emf.get(0));
    assertThat(totals).containsEntry("function", "orders").containsEntry("Attacks", 1).containsEntry("Blocked", 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> aws = (Map<String, Object>) totals.get("_aws");
    assertThat(aws.get("CloudWatchMetrics").toString()).contains("Namespace=Bulwark").contains("Dimensions=[[function]]");
    assertThat(json(emf.get(1))).containsEntry("attackClass", "sql-injection").containsEntry("Attacks", 1);
  }
}
