package dev.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.support.Fixtures;
import dev.bulwark.runtime.support.KeywordDetector;
import dev.bulwark.runtime.support.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  final List<String> log = new CopyOnWriteArrayList<>();

  int status(Protection p, Map<String, Object> event) {
    return (Integer) p.wrap((Map<String, Object> e, com.amazonaws.services.lambda.runtime.Context c) ->
        Map.<String, Object>of("statusCode", 200)).handleRequest(event, new TestContext()).get("statusCode");
  }

  @Test
  void readsModeLimitsAndRateLimitsFromEnvironmentVariables() {
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add)
        .fromEnvironment(Map.of("BULWARK_MODE", "block", "BULWARK_MAX_BODY_BYTES", "10", "BULWARK_RATE_LIMIT", "1/1m"))
        .build();
    assertThat(p.guardNames()).containsExactly("validate", "detect", "rate-limit");
    assertThat(status(p, Fixtures.httpApi("POST", "/x", Map.of(), "x".repeat(11), Map.of()))).isEqualTo(413);
  }

  @Test
  void codeSettingsAppliedAfterTheEnvironmentWin() {
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add)
        .fromEnvironment(Map.of("BULWARK_MODE", "block")).mode(Mode.MONITOR).build();
    assertThat(status(p, Fixtures.httpApi("GET", "/x", Map.of("q", "' or 1=1"), "", Map.of()))).isEqualTo(200);
  }

  @Test
  void namesTheVariableAndReasonOfABadEnvironmentValue() {
    assertThatThrownBy(() -> Protection.builder().fromEnvironment(Map.of("BULWARK_MODE", "blok")))
        .hasMessage("environment variable BULWARK_MODE: mode 'blok' is not one of: monitor, block");
    assertThatThrownBy(() -> Protection.builder().fromEnvironment(Map.of("BULWARK_RATE_LIMIT", "lots")))
        .hasMessageContaining("environment variable BULWARK_RATE_LIMIT: rate 'lots' is not '<count>/<duration>'");
  }

  @Test
  void readsAJsonFileWithRoutesSchemasAndExemptions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bulwark.json");
    Files.writeString(file, """
        {
          "mode": "block",
          "limits": {"maxBodyBytes": 4096},
          "routes": [
            {"route": "POST /comments", "contentTypes": ["application/json"],
             "schema": {"type": "object", "required": ["text"]},
             "exempt": [{"location": "body.$.html", "classes": ["xss"]}]}
          ]
        }
        """);
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add).fromFile(file).build();
    Map<String, String> json = Map.of("content-type", "application/json");
    assertThat(status(p, Fixtures.httpApi("POST", "/comments", Map.of(), "{\"text\":\"hi\",\"html\":\"<script>\"}", json)))
        .isEqualTo(200);
    assertThat(status(p, Fixtures.httpApi("POST", "/comments", Map.of(), "{\"html\":\"x\"}", json))).isEqualTo(400);
    assertThat(status(p, Fixtures.httpApi("POST", "/comments", Map.of(), "text=hi", Map.of("content-type", "text/plain"))))
        .isEqualTo(415);
  }

  @Test
  void readsTheSameSettingsFromYaml() {
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add).fromText("""
        mode: block
        rateLimit:
          rate: 2/1m
          key: source-ip
        invocationBudget:
          budget: 1000/1h
        exempt:
          - location: "query.sql"
            classes: [sql-injection]
        """, "bulwark.yaml").build();
    assertThat(p.guardNames()).containsExactly("validate", "detect", "rate-limit", "wallet");
    assertThat(status(p, Fixtures.httpApi("GET", "/x", Map.of("sql", "' or 1=1"), "", Map.of()))).isEqualTo(200);
  }

  @Test
  void namesFileKeyAndReasonOfConfigurationErrors() {
    assertThatThrownBy(() -> Protection.builder().fromText("{\"mode\":\"block\",\"rateLimt\":{}}", "bulwark.json"))
        .hasMessageStartingWith("bulwark.json: rateLimt: unknown key (known: ");
    assertThatThrownBy(() -> Protection.builder().fromText("{\"routes\":[{\"route\":\"GET /a\",\"scope\":[\"x\"]}]}", "bulwark.json"))
        .hasMessageStartingWith("bulwark.json: routes[0].scope: unknown key");
    assertThatThrownBy(() -> Protection.builder().fromText("{\"exempt\":[{\"location\":\"a\",\"classes\":[\"sqli\"]}]}", "cfg.json"))
        .hasMessageStartingWith("cfg.json: exempt[0].classes: 'sqli' is not one of [sql-injection");
    assertThatThrownBy(() -> Protection.builder().fromText("{\"limits\":{\"maxDepth\":0}}", "cfg.json"))
        .hasMessage("cfg.json: limits: maxDepth must be positive, was 0");
    assertThatThrownBy(() -> Protection.builder().fromText("{\"mode\": blo}", "cfg.json"))
        .hasMessage("cfg.json: line 1, column 10: unexpected character 'b'");
    assertThatThrownBy(() -> Protection.builder().fromText("mode: [block\n", "cfg.yaml"))
        .hasMessageStartingWith("cfg.yaml: ");
    assertThatThrownBy(() -> Protection.builder().fromText("{\"apiKeys\":{\"keys\":{\"a\":\"plain-key\"}}}", "cfg.json"))
        .hasMessageContaining("cfg.json: apiKeys: key of client 'a' is not a 64-digit hex SHA-256");
  }

  @Test
  void readsTheConfigurationFileNamedByBulwarkConfig(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("protect.yml");
    Files.writeString(file, "mode: block\n");
    Protection p = Protection.builder().detector(new KeywordDetector()).eventSink(log::add)
        .fromEnvironment(Map.of("BULWARK_CONFIG", file.toString())).build();
    assertThat(status(p, Fixtures.httpApi("GET", "/x", Map.of("q", "' or 1=1"), "", Map.of()))).isEqualTo(403);
    assertThatThrownBy(() -> Protection.builder().fromEnvironment(Map.of("BULWARK_CONFIG", "classpath:none.json")))
        .hasMessage("BULWARK_CONFIG: class path resource 'none.json' does not exist");
  }
}
