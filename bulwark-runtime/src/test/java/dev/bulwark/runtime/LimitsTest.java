package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.MutableClock;
import dev.bulwark.runtime.support.RedisServer;
import dev.bulwark.runtime.support.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LimitsTest {

  final List<String> log = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(Instant.parse("2026-02-03T10:00:00Z"));
  final RequestHandler<Map<String, Object>, Map<String, Object>> ok = (e, c) -> Map.of("statusCode", 200);

  Map<String, Object> from(String ip) {
    Map<String, Object> e = Fixtures.httpApi("GET", "/x", Map.of(), "", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) e.get("requestContext")).get("http");
    http.put("sourceIp", ip);
    return e;
  }

  Map<String, Object> call(RequestHandler<Map<String, Object>, Map<String, Object>> h, String ip) {
    return h.handleRequest(from(ip), new TestContext());
  }

  @Test
  void rateLimitsEachClientWithATokenBucketAndSaysWhenToRetry() {
    Protection p = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .rateLimit(RateLimit.builder(3, Duration.ofSeconds(30)).build()).build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap(ok);
    for (int i = 0; i < 3; i++) {
      assertThat(call(h, "192.0.2.1").get("statusCode")).isEqualTo(200);
    }
    Map<String, Object> limited = call(h, "192.0.2.1");
    assertThat(limited.get("statusCode")).isEqualTo(429);
    assertThat(limited.get("headers").toString()).contains("retry-after=10");
    assertThat(call(h, "192.0.2.2").get("statusCode")).isEqualTo(200);
    clock.advance(Duration.ofSeconds(10));
    assertThat(call(h, "192.0.2.1").get("statusCode")).isEqualTo(200);
    assertThat(log).anyMatch(l -> l.contains("\"class\":\"rate-limit\"") && l.contains("\"action\":\"blocked\""));
  }

  @Test
  void walletGuardRejectsOnceTheFunctionBudgetIsSpentUntilTheNextWindow() {
    Protection p = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .invocationBudget(InvocationBudget.builder(2, Duration.ofHours(1)).build()).build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap(ok);
    assertThat(call(h, "192.0.2.1").get("statusCode")).isEqualTo(200);
    assertThat(call(h, "192.0.2.2").get("statusCode")).isEqualTo(200);
    assertThat(call(h, "192.0.2.3").get("statusCode")).isEqualTo(429);
    clock.advance(Duration.ofMinutes(30));
    assertThat(call(h, "192.0.2.3").get("statusCode")).isEqualTo(429);
    clock.advance(Duration.ofMinutes(31));
    assertThat(call(h, "192.0.2.3").get("statusCode")).isEqualTo(200);
    assertThat(log).anyMatch(l -> l.contains("wallet.budget-spent"));
  }

  @Test
  void redisSharesRateLimitsAcrossContainers() throws Exception {
    try (RedisServer redis = new RedisServer()) {
      RateLimit shared = RateLimit.builder(4, Duration.ofMinutes(1)).redis(redis.uri()).build();
      RequestHandler<Map<String, Object>, Map<String, Object>> containerA =
          Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).rateLimit(shared).build().wrap(ok);
      RequestHandler<Map<String, Object>, Map<String, Object>> containerB =
          Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).rateLimit(shared).build().wrap(ok);
      int accepted = 0;
      for (int i = 0; i < 5; i++) {
        accepted += (Integer) call(containerA, "198.51.100.9").get("statusCode") == 200 ? 1 : 0;
        accepted += (Integer) call(containerB, "198.51.100.9").get("statusCode") == 200 ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(4);
      assertThat(call(containerB, "198.51.100.10").get("statusCode")).isEqualTo(200);
    }
  }

  @Test
  void redisSharesTheInvocationBudgetAcrossContainers() throws Exception {
    try (RedisServer redis = new RedisServer()) {
      InvocationBudget wallet = InvocationBudget.builder(3, Duration.ofHours(1)).redis(redis.uri()).build();
      RequestHandler<Map<String, Object>, Map<String, Object>> a =
          Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).invocationBudget(wallet).build().wrap(ok);
      RequestHandler<Map<String, Object>, Map<String, Object>> b =
          Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add).invocationBudget(wallet).build().wrap(ok);
      assertThat(List.of(call(a, "1.1.1.1"), call(b, "1.1.1.2"), call(a, "1.1.1.3"), call(b, "1.1.1.4")))
          .extracting(r -> r.get("statusCode")).containsExactly(200, 200, 200, 429);
    }
  }

  @Test
  void anUnreachableRedisFailsOpenWithOneGuardErrorEvent() throws Exception {
    java.net.URI nowhere;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      nowhere = java.net.URI.create("redis://127.0.0.1:" + s.getLocalPort());
    }
    RequestHandler<Map<String, Object>, Map<String, Object>> h = Protection.builder().mode(Mode.BLOCK).clock(clock)
        .eventSink(log::add).rateLimit(RateLimit.builder(1, Duration.ofMinutes(1)).redis(nowhere).build()).build().wrap(ok);
    assertThat(call(h, "1.1.1.1").get("statusCode")).isEqualTo(200);
    assertThat(call(h, "1.1.1.1").get("statusCode")).isEqualTo(200);
    assertThat(log.stream().filter(l -> l.contains("rate-limit.failed"))).hasSize(1);
  }

  @Test
  void rejectsOversizedBodiesWith413AndWrongContentTypesWith415() {
    Protection p = Protection.builder().mode(Mode.BLOCK).eventSink(log::add)
        .limits(Limits.builder().maxBodyBytes(16).build())
        .route(Route.builder("POST /items").contentTypes("application/json").limits(Limits.builder().maxBodyBytes(1000).build()).build())
        .build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap(ok);
    Map<String, Object> big = Fixtures.httpApi("POST", "/other", Map.of(), "x".repeat(17), Map.of());
    assertThat(h.handleRequest(big, new TestContext()).get("statusCode")).isEqualTo(413);
    Map<String, Object> xml = Fixtures.httpApi("POST", "/items", Map.of(), "<a/>", Map.of("content-type", "text/xml"));
    assertThat(h.handleRequest(xml, new TestContext()).get("statusCode")).isEqualTo(415);
    Map<String, Object> json = Fixtures.httpApi("POST", "/items", Map.of(), "{\"a\":\"" + "y".repeat(100) + "\"}",
        Map.of("content-type", "application/json; charset=utf-8"));
    assertThat(h.handleRequest(json, new TestContext()).get("statusCode")).isEqualTo(200);
  }

  @Test
  void rejectsJsonDeeperLongerOrWiderThanTheLimits() {
    Protection p = Protection.builder().mode(Mode.BLOCK).eventSink(log::add)
        .limits(Limits.builder().maxDepth(3).maxArrayLength(4).maxStringLength(10).build()).build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap(ok);
    for (String body : List.of("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}", "{\"a\":[1,2,3,4,5]}", "{\"a\":\"01234567890\"}")) {
      Map<String, Object> e = Fixtures.httpApi("POST", "/x", Map.of(), body, Map.of("content-type", "application/json"));
      assertThat(h.handleRequest(e, new TestContext()).get("statusCode")).as(body).isEqualTo(400);
    }
    assertThat(log).anyMatch(l -> l.contains("json.too-deep")).anyMatch(l -> l.contains("json.array-too-long"))
        .anyMatch(l -> l.contains("json.string-too-long"));
  }

  @Test
  void validatesBodiesAgainstTheRoutesJsonSchema() {
    Protection p = Protection.builder().mode(Mode.BLOCK).eventSink(log::add)
        .route(Route.builder("POST /orders").schema("""
            {"type":"object","required":["item","quantity"],"additionalProperties":false,
             "properties":{"item":{"type":"string","maxLength":20},"quantity":{"type":"integer","minimum":1}}}
            """).build())
        .build();
    RequestHandler<Map<String, Object>, Map<String, Object>> h = p.wrap(ok);
    Map<String, Object> good = Fixtures.httpApi("POST", "/orders", Map.of(), "{\"item\":\"pen\",\"quantity\":2}",
        Map.of("content-type", "application/json"));
    assertThat(h.handleRequest(good, new TestContext()).get("statusCode")).isEqualTo(200);
    Map<String, Object> bad = Fixtures.httpApi("POST", "/orders", Map.of(), "{\"item\":\"pen\",\"quantity\":0,\"admin\":true}",
        Map.of("content-type", "application/json"));
    assertThat(h.handleRequest(bad, new TestContext()).get("statusCode")).isEqualTo(400);
    assertThat(log).anyMatch(l -> l.contains("schema.invalid") && l.contains("quantity"));
    Map<String, Object> notJson = Fixtures.httpApi("POST", "/orders", Map.of(), "item=pen", Map.of());
    assertThat(h.handleRequest(notJson, new TestContext()).get("statusCode")).isEqualTo(400);
  }

  @Test
  void detectionStopsAtItsTimeBudgetAndSaysSo() {
    clock.tickOnRead(Duration.ofMillis(3));
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      values.add("value number " + i);
    }
    Protection p = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .detector(new dev.bulwark.runtime.support.KeywordDetector()).detectionBudget(Duration.ofMillis(20)).build();
    java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
    event.put("items", values);
    event.put("last", "1 union select 1");
    assertThat(p.wrap(ok).handleRequest(event, new TestContext())).isEqualTo(Map.of("statusCode", 200));
    assertThat(log).anyMatch(l -> l.contains("\"class\":\"detection-budget\"") && l.contains("\"action\":\"skipped\""));
  }
}
