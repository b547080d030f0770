package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain (unprotected) shop function: an HTTP API (GET /products?category=, GET
 * /products/{id}) and an SQS consumer (order status updates). The product queries and the status
 * update build SQL by string concatenation — the injection this example exists to show.
 */
public class ShopHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (event.get("Records") instanceof List<?> records) {
      return consume(records);
    }
    return http(event);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> http(Map<String, Object> event) {
    String path = String.valueOf(event.getOrDefault("rawPath", "/"));
    Map<String, Object> query = (Map<String, Object>) event.getOrDefault("queryStringParameters", Map.of());
    if (query == null) {
      query = Map.of();
    }
    try (Connection c = Shop.connect(); Statement s = c.createStatement()) {
      if (path.equals("/products")) {
        String category = String.valueOf(query.getOrDefault("category", "shoes"));
        // VULNERABLE on purpose: user input concatenated into SQL
        ResultSet rs = s.executeQuery(
            "SELECT id, name, price FROM products WHERE category = '" + category + "' ORDER BY id");
        return json(200, Shop.rows(rs));
      }
      if (path.startsWith("/products/")) {
        String id = path.substring("/products/".length());
        // VULNERABLE on purpose: numeric context
        ResultSet rs = s.executeQuery("SELECT id, name, price FROM products WHERE id = " + java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
        List<Map<String, Object>> rows = Shop.rows(rs);
        return rows.isEmpty() ? json(404, Map.of("message", "not found")) : json(200, rows.get(0));
      }
      return json(404, Map.of("message", "no route"));
    } catch (SQLException e) {
      return json(500, Map.of("message", "database error"));
    }
  }

  private Map<String, Object> consume(List<?> records) {
    List<Object> failures = new ArrayList<>();
    try (Connection c = Shop.connect()) {
      for (Object r : records) {
        Map<?, ?> m = (Map<?, ?>) r;
        String body = String.valueOf(m.get("body"));
        String status = field(body, "status");
        String orderId = field(body, "orderId");
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM orders WHERE id = ?")) {
          check.setString(1, orderId);
          // VULNERABLE on purpose: the status goes into SQL unescaped
          try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE orders SET status = '" + status + "' WHERE id = " + Integer.parseInt(orderId));
          }
        } catch (SQLException | NumberFormatException e) {
          failures.add(Map.of("itemIdentifier", String.valueOf(m.get("messageId"))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database unavailable", e);
    }
    return Map.of("batchItemFailures", failures);
  }

  /** Reads a string field of a flat JSON object (enough for this example's messages). */
  private static String field(String json, String name) {
    String key = "\"" + name + "\"";
    int k = json.indexOf(key);
    if (k < 0) {
      return "";
    }
    int colon = json.indexOf(':', k + key.length());
    int start = json.indexOf('"', colon + 1);
    int end = json.indexOf('"', start + 1);
    return start < 0 || end < 0 ? "" : json.substring(start + 1, end);
  }

  static Map<String, Object> json(int status, Object body) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("statusCode", status);
    r.put("headers", Map.of("content-type", "application/json"));
    r.put("body", Json.write(body));
    return r;
  }
}
