package dev.bulwark.runtime.support;

import dev.bulwark.runtime.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the event fixtures under {@code src/test/resources/events}. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture events/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> event(String name) {
    return (Map<String, Object>) Json.parse(text(name));
  }

  /** A copy of {@code event} with top-level {@code key} replaced. */
  public static Map<String, Object> with(Map<String, Object> event, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(event);
    copy.put(key, value);
    return copy;
  }

  /** An API Gateway HTTP API (v2) event for {@code method path?query} with {@code body}. */
  public static Map<String, Object> httpApi(String method, String path, Map<String, String> query, String body,
      Map<String, String> headers) {
    Map<String, Object> e = event("apigw-v2.json");
    e.put("routeKey", method + " " + path);
    e.put("rawPath", path);
    e.put("queryStringParameters", query.isEmpty() ? null : new LinkedHashMap<>(query));
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("host", "api.example.com");
    h.put("user-agent", "test-client/1.0");
    h.putAll(headers);
    e.put("headers", h);
    e.put("body", body);
    e.put("isBase64Encoded", false);
    e.remove("cookies");
    e.remove("pathParameters");
    @SuppressWarnings("unchecked")
    Map<String, Object> ctx = (Map<String, Object>) e.get("requestContext");
    @SuppressWarnings("unchecked")
    Map<String, Object> http = (Map<String, Object>) ctx.get("http");
    http.put("method", method);
    http.put("path", path);
    return e;
  }

  public static List<String> lines(List<String> sink, String marker) {
    return sink.stream().filter(l -> l.contains(marker)).toList();
  }
}
