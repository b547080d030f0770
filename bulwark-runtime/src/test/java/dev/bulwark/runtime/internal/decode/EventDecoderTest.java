package dev.bulwark.runtime.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.detect.Input;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.support.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

  private final EventDecoder decoder = new EventDecoder();

  private static Map<String, String> values(DecodedEvent ev) {
    return ev.fields().stream()
        .filter(f -> f.input().kind() != Input.Kind.KEY)
        .collect(Collectors.toMap(f -> f.input().location(), f -> f.input().value(), (a, b) -> a + "|" + b,
            LinkedHashMap::new));
  }

  @Test
  void decodesHttpApiQueryPathHeadersAndCookiesWithLocations() {
    DecodedEvent ev = decoder.decode(Fixtures.event("apigw-v2.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.API_GATEWAY_HTTP);
    Map<String, String> v = values(ev);
    assertThat(v).containsEntry("query.q", "blue shoes")
        .containsEntry("path", "/orders/o-1001")
        .containsEntry("path.orderId", "o-1001")
        .containsEntry("header.user-agent", "shop-app/2.1")
        .containsEntry("cookie.theme", "dark");
    assertThat(ev.sourceIp()).isEqualTo("198.51.100.23");
    assertThat(ev.method()).isEqualTo("GET");
    assertThat(ev.routeTemplate()).isEqualTo("/orders/{orderId}");
  }

  @Test
  void keepsCredentialHeadersAwayFromDetection() {
    DecodedEvent ev = decoder.decode(Fixtures.event("apigw-v2.json"));
    assertThat(values(ev).keySet()).noneMatch(k -> k.equals("header.authorization") || k.startsWith("header.x-amzn"));
    assertThat(ev.header("authorization")).isEqualTo("Bearer not-a-real-token");
  }

  @Test
  void decodesRestApiJsonBodyWithJsonPathLocationsAndMultiValueQuery() {
    DecodedEvent ev = decoder.decode(Fixtures.event("apigw-v1.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.API_GATEWAY_REST);
    Map<String, String> v = values(ev);
    assertThat(v).containsEntry("body.$.name", "Ada")
        .containsEntry("body.$.tags[1]", "new")
        .containsEntry("body.$.address.city", "Paris")
        .containsEntry("query.tag", "a|b")
        .containsEntry("cookie.lang", "en");
    assertThat(ev.contentType()).isEqualTo("application/json");
    assertThat(ev.bodyStats().depth()).isEqualTo(2);
    assertThat(ev.bodyStats().maxArrayLength()).isEqualTo(2);
    assertThat(ev.fields()).anyMatch(f -> f.input().kind() == Input.Kind.KEY && f.input().location().equals("body.$.name"));
  }

  @Test
  void urlDecodesAlbQueryParametersAndTakesTheClientIpAlbAppended() {
    DecodedEvent ev = decoder.decode(Fixtures.event("alb-multi.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.ALB);
    assertThat(values(ev)).containsEntry("query.q", "red car|fast boat");
    assertThat(ev.sourceIp()).isEqualTo("192.0.2.44");
    assertThat(ev.multiValueHeaders()).isTrue();
  }

  @Test
  void decodesBase64FormBodyOfAFunctionUrl() {
    DecodedEvent ev = decoder.decode(Fixtures.event("function-url.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.FUNCTION_URL);
    assertThat(values(ev)).containsEntry("form.color", "green").containsEntry("form.note", "hello world");
    assertThat(new String(ev.body(), StandardCharsets.UTF_8)).startsWith("color=green");
  }

  @Test
  void decodesMultipartFieldsAndFileNames() {
    String body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy holiday\r\n"
        + "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"../../etc/passwd\"\r\n"
        + "Content-Type: image/png\r\n\r\n\u0000\u0001PNG\r\n--XyZ--\r\n";
    Map<String, Object> e = Fixtures.httpApi("POST", "/upload", Map.of(), body,
        Map.of("content-type", "multipart/form-data; boundary=XyZ"));
    Map<String, String> v = values(decoder.decode(e));
    assertThat(v).containsEntry("form.title", "My holiday").containsEntry("form.photo.filename", "../../etc/passwd");
    assertThat(v).doesNotContainKey("form.photo");
  }

  @Test
  void expandsJsonNestedInSqsBodiesWithRecordIndexes() {
    DecodedEvent ev = decoder.decode(Fixtures.event("sqs.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.SQS);
    assertThat(values(ev)).containsEntry("records[0].body.$.sql", "plain text")
        .containsEntry("records[0].messageAttributes.tenant", "acme")
        .containsEntry("records[1].body", "hello");
    assertThat(ev.recordIds()).containsExactly("msg-0001", "msg-0002");
    assertThat(ev.fields()).filteredOn(f -> f.input().location().startsWith("records[1]"))
        .allMatch(f -> f.record() == 1);
  }

  @Test
  void decodesSnsMessageSubjectAndAttributes() {
    DecodedEvent ev = decoder.decode(Fixtures.event("sns.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.SNS);
    assertThat(values(ev)).containsEntry("records[0].sns.message.$.host", "web-1")
        .containsEntry("records[0].sns.subject", "Disk usage")
        .containsEntry("records[0].sns.messageAttributes.severity", "high");
  }

  @Test
  void urlDecodesS3ObjectKeys() {
    DecodedEvent ev = decoder.decode(Fixtures.event("s3.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.S3);
    assertThat(values(ev)).containsEntry("records[0].s3.object.key", "reports/annual report(2026).pdf");
  }

  @Test
  void unwrapsDynamoDbAttributeValues() {
    DecodedEvent ev = decoder.decode(Fixtures.event("dynamodb.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.DYNAMODB);
    assertThat(values(ev)).containsEntry("records[0].dynamodb.NewImage.nick", "ada")
        .containsEntry("records[0].dynamodb.NewImage.tags[1]", "y")
        .containsEntry("records[0].dynamodb.NewImage.profile.bio", "likes maths")
        .containsEntry("records[0].dynamodb.NewImage.profile.links[0]", "https://example.com")
        .doesNotContainKey("records[0].dynamodb.NewImage.age");
    assertThat(ev.recordIds()).containsExactly("111");
  }

  @Test
  void decodesBase64KinesisDataAsJson() {
    DecodedEvent ev = decoder.decode(Fixtures.event("kinesis.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.KINESIS);
    assertThat(values(ev)).containsEntry("records[0].data.$.page", "/home");
  }

  @Test
  void decodesEventBridgeDetail() {
    DecodedEvent ev = decoder.decode(Fixtures.event("eventbridge.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.EVENTBRIDGE);
    assertThat(values(ev)).containsEntry("detail.items[0].note", "gift wrap");
  }

  @Test
  void decodesGzippedCloudWatchLogsAndNestedJsonMessages() throws IOException {
    String doc = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/app\",\"logEvents\":["
        + "{\"id\":\"1\",\"timestamp\":1,\"message\":\"plain line\"},"
        + "{\"id\":\"2\",\"timestamp\":2,\"message\":\"{\\\"user\\\":\\\"bob\\\"}\"}]}";
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(doc.getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Object> event = Map.of("awslogs", Map.of("data", Base64.getEncoder().encodeToString(buf.toByteArray())));
    DecodedEvent ev = decoder.decode(event);
    assertThat(ev.trigger()).isEqualTo(Trigger.CLOUDWATCH_LOGS);
    assertThat(values(ev)).containsEntry("logEvents[0].message", "plain line")
        .containsEntry("logEvents[1].message.$.user", "bob");
  }

  @Test
  void refusesGzipBombsBeyondTheBound() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 20; i++) {
        gz.write(zeros);
      }
    }
    Map<String, Object> event = Map.of("awslogs", Map.of("data", Base64.getEncoder().encodeToString(buf.toByteArray())));
    DecodedEvent ev = decoder.decode(event);
    assertThat(ev.fields()).isEmpty();
    assertThat(ev.notes()).anyMatch(n -> n.contains("inflates beyond"));
  }

  @Test
  void decodesCognitoRequestButNeverThePassword() {
    DecodedEvent ev = decoder.decode(Fixtures.event("cognito-presignup.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.COGNITO);
    assertThat(values(ev)).containsEntry("request.userAttributes.email", "ada@example.com")
        .containsEntry("request.validationData.promo", "SPRING");
    assertThat(ev.fields()).noneMatch(f -> f.input().value().contains("Hunter2"));
  }

  @Test
  void recognisesAuthorizerEventsAndKeepsTheTokenOutOfInputs() {
    DecodedEvent token = decoder.decode(Fixtures.event("authorizer-token.json"));
    assertThat(token.trigger()).isEqualTo(Trigger.AUTHORIZER);
    assertThat(token.authorizerToken()).isEqualTo("Bearer placeholder");
    assertThat(token.fields()).isEmpty();
    DecodedEvent request = decoder.decode(Fixtures.event("authorizer-request-v2.json"));
    assertThat(request.trigger()).isEqualTo(Trigger.AUTHORIZER);
    assertThat(values(request)).containsEntry("query.status", "open").doesNotContainKey("header.authorization");
  }

  @Test
  void walksUnknownShapesAsDirectInvocations() {
    DecodedEvent ev = decoder.decode(Fixtures.event("direct.json"));
    assertThat(ev.trigger()).isEqualTo(Trigger.DIRECT);
    assertThat(values(ev)).containsEntry("$.options.filter", "year = 2026").containsEntry("$.action", "rebuild");
    assertThat(decoder.decode("just a string").fields()).extracting(f -> f.input().location()).containsExactly("$");
  }

  @Test
  void boundsTheNumberOfValuesAndSaysSo() {
    List<Object> many = new java.util.ArrayList<>();
    for (int i = 0; i < EventDecoder.MAX_FIELDS + 50; i++) {
      many.add("v" + i);
    }
    DecodedEvent ev = decoder.decode(Map.of("items", many));
    assertThat(ev.fields()).hasSize(EventDecoder.MAX_FIELDS);
    assertThat(ev.truncated()).isTrue();
    assertThat(ev.notes()).singleElement().asString().contains("decode limit reached");
  }

  @Test
  void stopsExpandingNestedJsonStringsAfterTheLayerBound() {
    String inner = "{\"x\":\"deep\"}";
    for (int i = 0; i < 5; i++) {
      inner = Json.write(Map.of("x", inner));
    }
    DecodedEvent ev = decoder.decode(Map.of("payload", inner));
    assertThat(ev.fields()).anyMatch(f -> f.input().value().startsWith("{"));
    assertThat(ev.fields()).noneMatch(f -> f.input().location().split("\\$").length > EventDecoder.MAX_LAYERS + 2);
  }

  @Test
  void keepsMalformedBase64AndJsonAsNotesNotErrors() {
    Map<String, Object> e = Fixtures.httpApi("POST", "/x", Map.of(), "{not json", Map.of("content-type", "application/json"));
    DecodedEvent ev = decoder.decode(e);
    assertThat(ev.bodyJsonInvalid()).isTrue();
    assertThat(values(ev)).containsEntry("body", "{not json");
    Map<String, Object> b64 = new LinkedHashMap<>(e);
    b64.put("isBase64Encoded", true);
    b64.put("body", "%%%not-base64");
    assertThat(decoder.decode(b64).notes()).anyMatch(n -> n.contains("not valid base64"));
  }
}
