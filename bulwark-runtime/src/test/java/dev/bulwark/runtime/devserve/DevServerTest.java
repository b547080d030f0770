package dev.bulwark.runtime.devserve;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.Protection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DevServerTest {

  @SuppressWarnings("unchecked")
  private final RequestHandler<Map<String, Object>, Map<String, Object>> echo = (event, ctx) -> {
    Map<String, Object> q = (Map<String, Object>) event.getOrDefault("queryStringParameters", Map.of());
    return Map.of("statusCode", 200, "headers", Map.of("content-type", "text/plain", "x-route", String.valueOf(event.get("rawPath"))),
        "body", "q=" + q.get("q") + ";body=" + event.getOrDefault("body", ""));
  };

  private static HttpResponse<String> send(HttpRequest r) throws Exception {
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesAHandlerAsAnHttpApiWouldOnLoopbackOnly() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (DevServer s = DevServer.start(DevServer.asStreamHandler(echo), 0, new PrintStream(log, true))) {
      assertThat(s.uri().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> r = send(HttpRequest.newBuilder(s.uri().resolve("/items?q=blue%20shoes"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("q=blue shoes;body={\"a\":1}");
      assertThat(r.headers().firstValue("x-route")).hasValue("/items");
    }
    assertThat(log.toString()).contains("dev-serve: POST /items -> 200");
  }

  @Test
  void aProtectedHandlerAnswersAttacksWith403() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    Protection p = Protection.builder().mode(Mode.BLOCK).eventSink(events::add).build();
    try (DevServer s = DevServer.start(p.wrap(DevServer.asStreamHandler(echo)), 0, new PrintStream(new ByteArrayOutputStream()))) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(
          URI.create(s.uri() + "/items?q=1%27%20UNION%20SELECT%20password%20FROM%20users--")).GET().build());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).startsWith("{\"error\":\"forbidden\",\"requestId\":");
      assertThat(events).anyMatch(e -> e.contains("\"class\":\"sql-injection\""));
    }
  }

  @Test
  void reportsHandlerFailuresAs502() throws Exception {
    RequestHandler<Map<String, Object>, Map<String, Object>> failing = (e, c) -> {
      throw new IllegalStateException("db down");
    };
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (DevServer s = DevServer.start(DevServer.asStreamHandler(failing), 0, new PrintStream(log, true))) {
      assertThat(send(HttpRequest.newBuilder(s.uri().resolve("/x")).GET().build()).statusCode()).isEqualTo(502);
    }
    assertThat(log.toString()).contains("handler failed: java.lang.IllegalStateException: db down");
  }
}
