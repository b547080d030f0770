package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.MutableClock;
import dev.bulwark.runtime.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookTest {

  static final byte[] SECRET = "whsec-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  final List<String> log = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(Instant.parse("2026-02-03T10:00:00Z"));
  final RequestHandler<Map<String, Object>, Map<String, Object>> ok = (e, c) -> Map.of("statusCode", 200);

  static String hmac(String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  int status(Protection p, String body, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("content-type", "application/json");
    return (Integer) p.wrap(ok).handleRequest(Fixtures.httpApi("POST", "/hooks", Map.of(), body, h), new TestContext())
        .get("statusCode");
  }

  Protection github() {
    return Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .webhook(WebhookSignature.builder(WebhookSignature.Style.GITHUB, SECRET).build()).build();
  }

  @Test
  void acceptsGithubSignaturesOverTheExactBodyAndRefusesReplays() throws Exception {
    Protection p = github();
    String body = "{\"action\":\"opened\"}";
    Map<String, String> h = Map.of("x-hub-signature-256", "sha256=" + hmac(body), "x-github-delivery", "d-1");
    assertThat(status(p, body, h)).isEqualTo(200);
    assertThat(status(p, body, h)).isEqualTo(401);
    assertThat(log).anyMatch(l -> l.contains("webhook.replayed"));
    assertThat(status(p, body + " ", Map.of("x-hub-signature-256", "sha256=" + hmac(body)))).isEqualTo(401);
    assertThat(status(p, body, Map.of())).isEqualTo(401);
    assertThat(log).anyMatch(l -> l.contains("webhook.missing-signature"));
  }

  @Test
  void acceptsStripeSignaturesWithinTheToleranceOnly() throws Exception {
    Protection p = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .webhook(WebhookSignature.builder(WebhookSignature.Style.STRIPE, SECRET).tolerance(Duration.ofMinutes(5)).build())
        .build();
    String body = "{\"type\":\"charge.succeeded\"}";
    long t = clock.instant().getEpochSecond() - 60;
    assertThat(status(p, body, Map.of("stripe-signature", "t=" + t + ",v1=" + hmac(t + "." + body)))).isEqualTo(200);
    assertThat(status(p, body, Map.of("stripe-signature", "t=" + t + ",v1=" + hmac(t + "." + body)))).isEqualTo(401);
    long old = clock.instant().getEpochSecond() - 301;
    assertThat(status(p, body, Map.of("stripe-signature", "t=" + old + ",v1=" + hmac(old + "." + body)))).isEqualTo(401);
    assertThat(log).anyMatch(l -> l.contains("webhook.stale-timestamp"));
    assertThat(status(p, body, Map.of("stripe-signature", "v1=abc"))).isEqualTo(401);
    assertThat(log).anyMatch(l -> l.contains("webhook.malformed-signature"));
  }

  @Test
  void checksOnlyTheConfiguredRoutes() throws Exception {
    Protection p = Protection.builder().mode(Mode.BLOCK).clock(clock).eventSink(log::add)
        .webhook(WebhookSignature.builder(WebhookSignature.Style.GITHUB, SECRET).routes("POST /hooks/github").build())
        .build();
    assertThat(status(p, "{}", Map.of())).isEqualTo(200);
  }
}
