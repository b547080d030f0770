package dev.bulwark.runtime.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.support.Fixtures;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uses the built-in detectors, as {@code bulwark inspect} does. */
class InspectorTest {

  private final Inspector inspector = Inspector.withDefaults();

  @Test
  void givesABlockVerdictWithClassRuleAndLocationForAnAttack() {
    String event = Json.write(Fixtures.httpApi("GET", "/products", Map.of("id", "1 UNION SELECT username, password FROM users--"), "", Map.of()));
    Map<?, ?> v = (Map<?, ?>) Json.parse(inspector.inspect(event));
    assertThat(v.get("trigger")).isEqualTo("apigateway-http");
    assertThat(v.get("verdict")).isEqualTo("block");
    assertThat(v.get("status")).isEqualTo(403);
    assertThat((List<?>) v.get("events")).anySatisfy(e -> {
      assertThat(((Map<?, ?>) e).get("class")).isEqualTo("sql-injection");
      assertThat(((Map<?, ?>) e).get("location")).isEqualTo("query.id");
    });
  }

  @Test
  void allowsABenignEvent() {
    Map<?, ?> v = (Map<?, ?>) Json.parse(inspector.inspect(Fixtures.text("apigw-v1.json")));
    assertThat(v.get("verdict")).isEqualTo("allow");
    assertThat((Integer) v.get("inputs")).isGreaterThan(5);
  }

  @Test
  void namesTheRejectedRecordsOfABatch() {
    Map<String, Object> e = Fixtures.event("sqs.json");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records = (List<Map<String, Object>>) e.get("Records");
    records.get(1).put("body", "{\"sku\":\"1' UNION SELECT password FROM users--\"}");
    Map<?, ?> v = (Map<?, ?>) Json.parse(inspector.inspect(Json.write(e)));
    assertThat(v.get("verdict")).isEqualTo("block");
    assertThat(v.get("status")).isEqualTo(0);
    assertThat(v.get("rejectedRecords")).isEqualTo(List.of("msg-0002"));
  }

  @Test
  void readsJsonLinesReportingBadLinesAndGoingOn() throws Exception {
    String attack = Json.write(Fixtures.httpApi("GET", "/p", Map.of("q", "1' OR '1'='1' --"), "", Map.of()));
    String lines = Json.write(Fixtures.event("apigw-v2.json")) + "\n\nnot json\n" + attack + "\n";
    StringWriter out = new StringWriter();
    Inspector.Summary s = inspector.inspectAll(new StringReader(lines), out);
    assertThat(s).isEqualTo(new Inspector.Summary(2, 1, 1));
    List<String> written = out.toString().lines().toList();
    assertThat(written).hasSize(3);
    assertThat(written.get(0)).startsWith("{\"line\":1,\"trigger\":\"apigateway-http\",\"verdict\":\"allow\"");
    assertThat(written.get(1)).startsWith("{\"line\":3,\"error\":\"not JSON: column 1");
    assertThat(written.get(2)).startsWith("{\"line\":4,").contains("\"verdict\":\"block\"");
  }

  @Test
  void aBrokenPrettyPrintedDocumentIsOneErrorAtItsOwnLine() throws Exception {
    StringWriter out = new StringWriter();
    Inspector.Summary s = inspector.inspectAll(
        new StringReader("{\n  \"httpMethod\": \"GET\",\n  \"path\": }\n"), out);
    assertThat(s).isEqualTo(new Inspector.Summary(0, 0, 1));
    assertThat(out.toString().lines().toList()).hasSize(1);
    assertThat(out.toString()).startsWith("{\"error\":\"not JSON: line 3, column ");
  }

  @Test
  void readsOnePrettyPrintedDocumentAsOneEvent() throws Exception {
    StringWriter out = new StringWriter();
    Inspector.Summary s = inspector.inspectAll(new StringReader(Fixtures.text("sns.json")), out);
    assertThat(s).isEqualTo(new Inspector.Summary(1, 0, 0));
    assertThat(out.toString()).startsWith("{\"trigger\":\"sns\"");
  }
}
