package dev.bulwark.runtime.detect.conformance;

import dev.bulwark.runtime.detect.Input;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal stand-in for the runtime core's event decoder: every string of an event (values and
 * keys) becomes an {@link Input}. API Gateway and ALB fields get the locations the core uses
 * ({@code query.q}, {@code header.user-agent}, {@code path}, {@code body.$.a[0].b}); a JSON body is
 * parsed (base64 first when flagged), other strings keep their JSON path as location.
 */
final class EventInputs {

  private EventInputs() {}

  static List<Input> of(Object event) {
    List<Input> out = new ArrayList<>();
    walk(event, "", out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, String path, List<Input> out) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      boolean base64 = Boolean.TRUE.equals(m.get("isBase64Encoded"));
      for (Map.Entry<String, Object> e : m.entrySet()) {
        String key = e.getKey();
        String child = child(path, key);
        out.add(new Input(child, key, Input.Kind.KEY));
        if (path.isEmpty() && key.equals("body") && e.getValue() instanceof String body) {
          body(body, base64, out);
        } else {
          walk(e.getValue(), child, out);
        }
      }
    } else if (node instanceof List<?> list) {
      for (int k = 0; k < list.size(); k++) {
        walk(list.get(k), path + "[" + k + "]", out);
      }
    } else if (node instanceof String s) {
      out.add(new Input(path, s, kindOf(path)));
    }
  }

  private static void body(String body, boolean base64, List<Input> out) {
    String text = body;
    if (base64) {
      try {
        text = new String(Base64.getDecoder().decode(body.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        text = body;
      }
    }
    String t = text.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        Object parsed = MiniJson.parse(t);
        walkBody(parsed, "body.$", out);
        return;
      } catch (IllegalArgumentException notJson) {
        // fall through: an opaque body
      }
    }
    out.add(Input.value("body", text));
  }

  @SuppressWarnings("unchecked")
  private static void walkBody(Object node, String path, List<Input> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        String child = path + "." + e.getKey();
        out.add(new Input(child, e.getKey(), Input.Kind.KEY));
        walkBody(e.getValue(), child, out);
      }
    } else if (node instanceof List<?> list) {
      for (int k = 0; k < list.size(); k++) {
        walkBody(list.get(k), path + "[" + k + "]", out);
      }
    } else if (node instanceof String s) {
      out.add(Input.value(path, s));
    }
  }

  private static String child(String path, String key) {
    if (path.equals("queryStringParameters") || path.equals("multiValueQueryStringParameters")) {
      return "query." + key;
    }
    if (path.equals("headers") || path.equals("multiValueHeaders")) {
      return "header." + key.toLowerCase(Locale.ROOT);
    }
    if (path.equals("pathParameters")) {
      return "path." + key;
    }
    if (path.isEmpty() && (key.equals("rawPath") || key.equals("path"))) {
      return "path";
    }
    return path.isEmpty() ? key : path + "." + key;
  }

  private static Input.Kind kindOf(String location) {
    if (location.startsWith("header.")) {
      return Input.Kind.HEADER;
    }
    if (location.equals("path") || location.startsWith("path.")) {
      return Input.Kind.PATH;
    }
    return Input.Kind.VALUE;
  }
}
