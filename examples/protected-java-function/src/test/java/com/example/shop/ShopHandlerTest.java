package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopHandlerTest {

  private static Map<String, Object> get(String path, Map<String, Object> query) {
    return Map.of("version", "2.0", "rawPath", path, "routeKey", "$default", "queryStringParameters", query,
        "headers", Map.of("user-agent", "test"),
        "requestContext", Map.of("http", Map.of("method", "GET", "path", path, "sourceIp", "127.0.0.1"),
            "domainName", "localhost", "requestId", "r"));
  }

  @Test
  void plainBuildLeaksTheUsersTableThroughTheCategoryParameter() {
    Map<String, Object> r = new ShopHandler().handleRequest(
        get("/products", Map.of("category", "x' UNION SELECT id, email, 0 FROM users--")), null);
    assertEquals(200, r.get("statusCode"));
    assertTrue(String.valueOf(r.get("body")).contains("admin@example.com"));
  }

  @Test
  void protectedBuildBlocksTheSameRequestAndServesHonestOnes() {
    ProtectedShopHandler h = new ProtectedShopHandler();
    Map<String, Object> attack = h.handleRequest(
        get("/products", Map.of("category", "x' UNION SELECT id, email, 0 FROM users--")), null);
    assertEquals(403, attack.get("statusCode"));
    Map<String, Object> honest = h.handleRequest(get("/products", Map.of("category", "shoes")), null);
    assertEquals(200, honest.get("statusCode"));
    assertTrue(String.valueOf(honest.get("body")).contains("Trail shoes"));
  }

  @Test
  void protectedBuildReportsOnlyTheInjectedSqsRecord() {
    Map<String, Object> good = Map.of("messageId", "m1", "eventSource", "aws:sqs", "body", "{\"orderId\":\"1\",\"status\":\"SHIPPED\"}");
    Map<String, Object> bad = Map.of("messageId", "m2", "eventSource", "aws:sqs",
        "body", "{\"orderId\":\"1\",\"status\":\"x' WHERE 1=1; DROP TABLE users--\"}");
    Map<String, Object> r = new ProtectedShopHandler().handleRequest(Map.of("Records", List.of(good, bad)), null);
    assertEquals(List.of(Map.of("itemIdentifier", "m2")), r.get("batchItemFailures"));
  }
}
