package dev.bulwark.runtime.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a {@link RequestHandler}: the event object (a map or a POJO) is viewed as a tree for
 * decoding, rejected batch records are removed from it, and responses are built as the handler's
 * response type when it can be built (else as a map, which Lambda serialises the same way).
 */
public final class ProtectedRequestHandler<I, O> implements RequestHandler<I, O> {

  private final Engine engine;
  private final RequestHandler<I, O> handler;
  private final @Nullable Class<?> responseType;

  public ProtectedRequestHandler(Engine engine, RequestHandler<I, O> handler, @Nullable Class<?> responseType) {
    this.engine = engine;
    this.handler = handler;
    this.responseType = responseType != null ? responseType : Beans.responseTypeOf(handler);
  }

  @Override
  public O handleRequest(I input, Context context) {
    Object tree = Beans.toTree(input);
    Engine.Result r;
    try {
      r = engine.run(tree, context, removed -> handler.handleRequest(removed.isEmpty() ? input : without(input, tree, removed), context));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (r.rejection() != null) {
      if (r.event().trigger().isHttp()) {
        return shape(Responses.http(r.rejection(), r.event(), r.requestId(), engine.jwtConfigured()));
      }
      if (r.event().trigger().isBatch()) {
        return shape(Responses.batchFailures(r.failedRecordIds()));
      }
      throw Responses.blocked(r.rejection(), r.event(), r.requestId());
    }
    Object result = r.result();
    if (!r.failedRecordIds().isEmpty()) {
      if (result == null || result instanceof Map<?, ?>) {
        return shape(Responses.mergeFailures(result, r.failedRecordIds()));
      }
      if (!Beans.addBatchFailures(result, r.failedRecordIds())) {
        return cast(Responses.mergeFailures(null, r.failedRecordIds()));
      }
    }
    return cast(result);
  }

  @SuppressWarnings("unchecked")
  private I without(I input, @Nullable Object tree, java.util.Set<Integer> removed) {
    if (input instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach(copy::put);
      Object records = copy.get("Records");
      if (records instanceof List<?> l) {
        List<Object> kept = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
          if (!removed.contains(i)) {
            kept.add(l.get(i));
          }
        }
        copy.put("Records", kept);
      }
      return (I) copy;
    }
    if (input instanceof String) {
      Object t = tree instanceof String s ? Json.parse(s) : tree;
      return (I) Json.write(t);
    }
    Beans.removeRecords(input, removed);
    return input;
  }

  private O shape(Map<String, Object> response) {
    Class<?> t = responseType;
    if (t != null && t != Object.class && !Map.class.isAssignableFrom(t)) {
      if (t == String.class) {
        return cast(Json.write(response));
      }
      Object bean = Beans.fromMap(response, t);
      if (bean != null) {
        return cast(bean);
      }
    }
    return cast(response);
  }

  @SuppressWarnings("unchecked")
  private O cast(@Nullable Object o) {
    return (O) o;
  }
}
