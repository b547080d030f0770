package dev.bulwark.runtime.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bulwark.runtime.internal.config.Optional;
import dev.bulwark.runtime.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link RequestHandler} behind a stream: plain JSON events ({@code Map}, {@code List},
 * {@code String}, {@code Object}) with the built-in reader; POJO events with Jackson when it is on
 * the class path.
 */
public final class StreamBridge implements RequestStreamHandler {

  private final RequestHandler<Object, Object> handler;
  private final @Nullable Class<?> inputType;

  @SuppressWarnings("unchecked")
  public StreamBridge(RequestHandler<?, ?> handler) {
    this.handler = (RequestHandler<Object, Object>) handler;
    Class<?> in = inputTypeOf(handler);
    if (in != null && !plain(in)) {
      Optional.require("com.fasterxml.jackson.databind.ObjectMapper",
          "Handler " + handler.getClass().getName() + " takes " + in.getName() + ", which",
          "com.fasterxml.jackson.core:jackson-databind (or use Bulwark.protect(handler) in code)");
    }
    this.inputType = in;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    Object event;
    if (inputType == null || plain(inputType)) {
      Object parsed = text.isBlank() ? null : Json.parse(text);
      event = inputType == String.class && !(parsed instanceof String) ? text : parsed;
    } else {
      event = Jackson.read(text, inputType);
    }
    Object result = handler.handleRequest(event, context);
    String out = result == null ? "null"
        : plainValue(result) ? Json.write(result)
        : Jackson.write(result);
    output.write(out.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean plain(Class<?> c) {
    return c == Object.class || Map.class.isAssignableFrom(c) || List.class.isAssignableFrom(c)
        || c == String.class || Number.class.isAssignableFrom(c) || c == Boolean.class;
  }

  private static boolean plainValue(Object o) {
    return o instanceof Map<?, ?> || o instanceof List<?> || o instanceof String || o instanceof Number
        || o instanceof Boolean;
  }

  private static @Nullable Class<?> inputTypeOf(Object handler) {
    for (Class<?> c = handler.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p
            && p.getRawType().getTypeName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
          Type i = p.getActualTypeArguments()[0];
          if (i instanceof Class<?> cls) {
            return cls;
          }
          if (i instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            return raw;
          }
        }
      }
    }
    return null;
  }

  /** Jackson, referenced only when a POJO handler is bridged. */
  private static final class Jackson {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    static Object read(String text, Class<?> type) throws IOException {
      return MAPPER.readValue(text, type);
    }

    static String write(Object value) throws IOException {
      return MAPPER.writeValueAsString(value);
    }
  }
}
