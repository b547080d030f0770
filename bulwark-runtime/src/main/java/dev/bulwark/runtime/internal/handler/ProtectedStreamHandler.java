package dev.bulwark.runtime.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wraps a {@link RequestStreamHandler}: reads the event, decodes it, and passes the same bytes on. */
public final class ProtectedStreamHandler implements RequestStreamHandler {

  /** Largest event read; Lambda's own limit for synchronous payloads is 6 MB. */
  static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

  private final Engine engine;
  private final RequestStreamHandler handler;

  public ProtectedStreamHandler(Engine engine, RequestStreamHandler handler) {
    this.engine = engine;
    this.handler = handler;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    byte[] raw = input.readAllBytes();
    Object tree = null;
    String failure = null;
    if (raw.length > MAX_EVENT_BYTES) {
      failure = "event of " + raw.length + " bytes is larger than " + MAX_EVENT_BYTES;
    } else {
      try {
        tree = Json.parse(new String(raw, StandardCharsets.UTF_8));
      } catch (JsonException e) {
        failure = "event is not JSON: " + e.getMessage();
      }
    }
    Object parsed = tree;
    ByteArrayOutputStream[] buffered = new ByteArrayOutputStream[1];
    Engine.Delegate delegate = removed -> {
      byte[] event = removed.isEmpty() ? raw : without(parsed, removed);
      if (engine.batchMode() == dev.bulwark.runtime.BatchFailureMode.REPORT && !removed.isEmpty()) {
        buffered[0] = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), buffered[0], context);
      } else {
        handler.handleRequest(new ByteArrayInputStream(event), output, context);
      }
      return null;
    };
    Engine.Result r = failure == null
        ? engine.run(tree, context, delegate)
        : engine.runUndecodable(failure, context, delegate);
    if (r.rejection() != null) {
      if (r.event().trigger().isHttp() || failure != null) {
        write(output, Responses.http(r.rejection(), r.event(), r.requestId(), engine.jwtConfigured()));
      } else if (r.event().trigger().isBatch()) {
        write(output, Responses.batchFailures(r.failedRecordIds()));
      } else {
        throw Responses.blocked(r.rejection(), r.event(), r.requestId());
      }
      return;
    }
    if (!r.failedRecordIds().isEmpty()) {
      Object own = null;
      if (buffered[0] != null && buffered[0].size() > 0) {
        try {
          own = Json.parse(buffered[0].toString(StandardCharsets.UTF_8));
        } catch (JsonException e) {
          own = null;
        }
      }
      write(output, Responses.mergeFailures(own, r.failedRecordIds()));
    }
  }

  private static byte[] without(Object tree, Set<Integer> removed) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v));
      if (copy.get("Records") instanceof List<?> l) {
        List<Object> kept = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
          if (!removed.contains(i)) {
            kept.add(l.get(i));
          }
        }
        copy.put("Records", kept);
      }
      return Json.write(copy).getBytes(StandardCharsets.UTF_8);
    }
    return Json.write(tree).getBytes(StandardCharsets.UTF_8);
  }

  private static void write(OutputStream out, Object value) throws IOException {
    out.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
