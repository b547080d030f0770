package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.KeywordDetector;
import dev.bulwark.runtime.support.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HandlersTest {

  private final List<String> log = new CopyOnWriteArrayList<>();

  private Protection block() {
    return Protection.builder().mode(Mode.BLOCK).detector(new KeywordDetector()).eventSink(log::add).build();
  }

  private static String run(RequestStreamHandler h, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext("req-s"));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void streamHandlerGetsTheSameBytesWhenNothingIsWrong() throws IOException {
    String event = Fixtures.text("apigw-v2.json");
    List<String> received = new ArrayList<>();
    RequestStreamHandler echo = (in, out, ctx) -> {
      received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      out.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
    };
    assertThat(run(block().wrap(echo), event)).isEqualTo("{\"statusCode\":200}");
    assertThat(received).containsExactly(event);
  }

  @Test
  void streamHandlerIsAnsweredWith403OnAttack() throws IOException {
    String event = Json.write(Fixtures.httpApi("GET", "/a", Map.of("q", "<script>alert(1)</script>"), "", Map.of()));
    RequestStreamHandler never = (in, out, ctx) -> {
      throw new AssertionError("handler must not run");
    };
    Map<?, ?> r = (Map<?, ?>) Json.parse(run(block().wrap(never), event));
    assertThat(r.get("statusCode")).isEqualTo(403);
    assertThat((String) r.get("body")).contains("\"requestId\":\"req-s\"");
  }

  @Test
  void streamHandlerSeesTheBatchWithoutAttackedRecordsAndFailuresAreMerged() throws IOException {
    Map<String, Object> e = Fixtures.event("sqs.json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) e.get("Records");
    records.get(0).put("body", "1 UNION SELECT 1");
    List<String> received = new ArrayList<>();
    RequestStreamHandler h = (in, out, ctx) -> {
      received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      out.write("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
    };
    String out = run(block().wrap(h), Json.write(e));
    assertThat(received.get(0)).contains("msg-0002").doesNotContain("msg-0001");
    assertThat(Json.parse(out)).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "msg-0001"))));
  }

  @Test
  void streamHandlerPassesNonJsonEventsThroughAndSaysSo() throws IOException {
    RequestStreamHandler echo = (in, out, ctx) -> out.write(in.readAllBytes());
    assertThat(run(block().wrap(echo), "not json at all")).isEqualTo("not json at all");
    assertThat(log).anyMatch(l -> l.contains("decode.failed") && l.contains("event is not JSON"));
  }

  @Test
  void pojoEventsOfAwsLambdaJavaEventsAreDecodedAndAnsweredInTheirResponseType() {
    class Handler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
      int calls;

      @Override
      public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        calls++;
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
      }
    }
    Handler handler = new Handler();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = block().wrap(handler);
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withRawPath("/items")
        .withRouteKey("GET /items")
        .withQueryStringParameters(Map.of("sort", "name' OR 1=1 --"))
        .withHeaders(Map.of("user-agent", "ua"))
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withDomainName("abc.execute-api.eu-west-1.amazonaws.com")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/items")
                .withSourceIp("192.0.2.1").build())
            .build())
        .build();
    APIGatewayV2HTTPResponse r = h.handleRequest(event, new TestContext());
    assertThat(handler.calls).isZero();
    assertThat(r.getStatusCode()).isEqualTo(403);
    assertThat(r.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(log).anyMatch(l -> l.contains("\"location\":\"query.sort\""));
  }

  @Test
  void pojoSqsBatchesLoseOnlyTheAttackedRecordsAndReportThem() {
    SQSEvent.SQSMessage good = new SQSEvent.SQSMessage();
    good.setMessageId("m-good");
    good.setEventSource("aws:sqs");
    good.setBody("{\"name\":\"ok\"}");
    SQSEvent.SQSMessage bad = new SQSEvent.SQSMessage();
    bad.setMessageId("m-bad");
    bad.setEventSource("aws:sqs");
    bad.setBody("{\"path\":\"../../../etc/shadow\"}");
    SQSEvent event = new SQSEvent();
    event.setRecords(new ArrayList<>(List.of(good, bad)));
    List<String> processed = new ArrayList<>();
    class Handler implements RequestHandler<SQSEvent, SQSBatchResponse> {
      @Override
      public SQSBatchResponse handleRequest(SQSEvent e, Context context) {
        e.getRecords().forEach(m -> processed.add(m.getMessageId()));
        return new SQSBatchResponse(new ArrayList<>());
      }
    }
    SQSBatchResponse r = block().wrap(new Handler()).handleRequest(event, new TestContext());
    assertThat(processed).containsExactly("m-good");
    assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("m-bad");
  }

  public static final class MapEcho implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      return Map.of("statusCode", 200, "body", String.valueOf(event.get("rawPath")));
    }
  }

  @Test
  void wrapperClassProtectsTheHandlerNamedInTheEnvironment() throws IOException {
    BulwarkHandler wrapper = new BulwarkHandler(Map.of("BULWARK_HANDLER", MapEcho.class.getName(), "BULWARK_MODE", "block"));
    String ok = run(wrapper, Fixtures.text("apigw-v2.json"));
    assertThat(Json.parse(ok)).isEqualTo(Map.of("statusCode", 200, "body", "/orders/o-1001"));
  }

  @Test
  void wrapperClassFailsClearlyWithoutAHandlerClass() {
    assertThatThrownBy(() -> new BulwarkHandler(Map.of()))
        .hasMessage("BULWARK_HANDLER is not set: set it to the class of the handler to protect");
    assertThatThrownBy(() -> new BulwarkHandler(Map.of("BULWARK_HANDLER", "com.example.Missing")))
        .hasMessage("BULWARK_HANDLER: class com.example.Missing was not found");
  }

  static final class Orders extends BulwarkRequestHandler<Map<String, Object>, Map<String, Object>> {
    private final List<String> sink;
    int calls;

    Orders(List<String> sink) {
      this.sink = sink;
    }

    @Override
    protected Protection protection() {
      return Protection.builder().mode(Mode.BLOCK).detector(new KeywordDetector()).eventSink(sink::add).build();
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> input, Context context) {
      calls++;
      return Map.of("statusCode", 201);
    }
  }

  @Test
  void baseClassRunsHandleOnlyForAcceptedInvocations() {
    Orders orders = new Orders(log);
    assertThat(orders.handleRequest(Fixtures.event("apigw-v2.json"), new TestContext()).get("statusCode")).isEqualTo(201);
    Map<String, Object> attack = Fixtures.httpApi("GET", "/o", Map.of("id", "1 union select 2"), "", Map.of());
    assertThat(orders.handleRequest(attack, new TestContext()).get("statusCode")).isEqualTo(403);
    assertThat(orders.calls).isEqualTo(1);
  }

  @Test
  void builderEntryPointProtectsAHandlerInOneExpression() {
    RequestHandler<Map<String, Object>, Map<String, Object>> h =
        Bulwark.protect(new MapEcho()).mode(Mode.BLOCK).detector(new KeywordDetector()).eventSink(log::add).build();
    Map<String, Object> attack = Fixtures.httpApi("GET", "/o", Map.of("id", "1 union select 2"), "", Map.of());
    assertThat(h.handleRequest(attack, new TestContext()).get("statusCode")).isEqualTo(403);
  }
}
