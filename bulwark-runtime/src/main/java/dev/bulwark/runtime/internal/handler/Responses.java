package dev.bulwark.runtime.internal.handler;

import dev.bulwark.runtime.BulwarkBlockedException;
import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.guard.Rejection;
import dev.bulwark.runtime.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rejections in the shape each trigger expects. */
public final class Responses {
  private Responses() {}

  /** An HTTP response map for API Gateway v1/v2, ALB and function URLs. */
  public static Map<String, Object> http(Rejection r, DecodedEvent ev, String requestId, boolean bearer) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("cache-control", "no-store");
    if (r.status() == 429) {
      headers.put("retry-after", String.valueOf(r.retryAfterSeconds()));
    }
    if (r.status() == 401 && bearer) {
      headers.put("www-authenticate", "Bearer");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", r.error());
    body.put("requestId", requestId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("statusCode", r.status());
    if (ev.trigger() == Trigger.ALB) {
      out.put("statusDescription", r.status() + " " + reason(r.status()));
    }
    if (ev.multiValueHeaders()) {
      Map<String, Object> mv = new LinkedHashMap<>();
      headers.forEach((k, v) -> mv.put(k, List.of(v)));
      out.put("multiValueHeaders", mv);
    } else {
      out.put("headers", headers);
    }
    out.put("body", Json.write(body));
    out.put("isBase64Encoded", Boolean.FALSE);
    return out;
  }

  /** {@code {"batchItemFailures":[{"itemIdentifier":…}]}}. */
  public static Map<String, Object> batchFailures(List<String> ids) {
    List<Object> items = new ArrayList<>(ids.size());
    for (String id : ids) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("itemIdentifier", id);
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("batchItemFailures", items);
    return out;
  }

  /** Adds {@code ids} to the handler's own partial batch response (a map), keeping its items. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mergeFailures(Object handlerResult, List<String> ids) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> items = new ArrayList<>();
    if (handlerResult instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).forEach(out::put);
      Object existing = m.get("batchItemFailures");
      if (existing instanceof List<?> l) {
        items.addAll(l);
      }
    }
    items.addAll((List<Object>) batchFailures(ids).get("batchItemFailures"));
    out.put("batchItemFailures", items);
    return out;
  }

  /** The error that fails an invocation of a trigger without an HTTP or batch response. */
  public static BulwarkBlockedException blocked(Rejection r, DecodedEvent ev, String requestId) {
    if (ev.trigger() == Trigger.AUTHORIZER && r.status() == 401) {
      return new BulwarkBlockedException(401, "Unauthorized"); // API Gateway maps this message to 401
    }
    return new BulwarkBlockedException(
        r.status(), "Blocked by Bulwark: " + r.error() + " (request " + requestId + ")");
  }

  private static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 413:
        return "Payload Too Large";
      case 415:
        return "Unsupported Media Type";
      case 429:
        return "Too Many Requests";
      default:
        return "Service Unavailable";
    }
  }
}
