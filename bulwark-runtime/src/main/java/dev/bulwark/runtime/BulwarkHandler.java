package dev.bulwark.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bulwark.runtime.internal.handler.StreamBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The handler to point the Lambda "Handler" setting at, to protect a function without changing
 * its code: set {@code Handler} to {@code dev.bulwark.runtime.BulwarkHandler::handleRequest} and
 * the environment variable {@code BULWARK_HANDLER} to your handler class (a {@link
 * RequestHandler} or {@link RequestStreamHandler} with a public no-argument constructor).
 * Configuration comes from {@code bulwark.json}/{@code bulwark.yaml} and {@code BULWARK_*}
 * variables (see {@code docs/runtime.md}).
 *
 * <pre>{@code
 * // template.yaml (SAM):
 * //   Handler: dev.bulwark.runtime.BulwarkHandler::handleRequest
 * //   Environment:
 * //     Variables:
 * //       BULWARK_HANDLER: com.example.OrdersHandler
 * //       BULWARK_MODE: block
 * RequestStreamHandler h = new BulwarkHandler();
 * }</pre>
 */
public class BulwarkHandler implements RequestStreamHandler {

  private static volatile @Nullable RequestStreamHandler shared;

  private final @Nullable RequestStreamHandler own;

  /** Reads {@code BULWARK_HANDLER} and the configuration once per container, on first use. */
  public BulwarkHandler() {
    this.own = null;
  }

  /** A wrapper for {@code env} instead of the process environment (for tests and local runs). */
  public BulwarkHandler(Map<String, String> env) {
    this.own = create(env);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    delegate().handleRequest(input, output, context);
  }

  private RequestStreamHandler delegate() {
    if (own != null) {
      return own;
    }
    RequestStreamHandler d = shared;
    if (d == null) {
      synchronized (BulwarkHandler.class) {
        d = shared;
        if (d == null) {
          d = create(System.getenv());
          shared = d;
        }
      }
    }
    return d;
  }

  /** The protected handler named by {@code BULWARK_HANDLER} in {@code env}. */
  static RequestStreamHandler create(Map<String, String> env) {
    String name = env.get("BULWARK_HANDLER");
    if (name == null || name.isBlank()) {
      throw new IllegalStateException(
          "BULWARK_HANDLER is not set: set it to the class of the handler to protect");
    }
    String className = name.contains("::") ? name.substring(0, name.indexOf("::")) : name.trim();
    Object handler;
    try {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      Class<?> c = Class.forName(className, true, cl != null ? cl : BulwarkHandler.class.getClassLoader());
      handler = c.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("BULWARK_HANDLER: class " + className + " was not found");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "BULWARK_HANDLER: cannot create " + className + " with a public no-argument constructor: " + e);
    }
    Protection p = Protection.builder().fromEnvironment(env).build();
    if (handler instanceof RequestStreamHandler s) {
      return p.wrap(s);
    }
    if (handler instanceof RequestHandler<?, ?> r) {
      return p.wrap(new StreamBridge(r));
    }
    throw new IllegalStateException(
        "BULWARK_HANDLER: " + className + " is neither a RequestHandler nor a RequestStreamHandler");
  }
}
