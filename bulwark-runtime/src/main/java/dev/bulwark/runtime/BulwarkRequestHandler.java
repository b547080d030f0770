package dev.bulwark.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.jspecify.annotations.Nullable;

/**
 * A base class for protected handlers: implement {@link #handle}, and override {@link
 * #protection()} to configure in code (by default the configuration file and {@code BULWARK_*}
 * variables apply).
 *
 * <pre>{@code
 * public class OrdersHandler extends BulwarkRequestHandler<Map<String, Object>, Map<String, Object>> {
 *   @Override
 *   protected Protection protection() {
 *     return Protection.builder().fromEnvironment().mode(Mode.BLOCK).build();
 *   }
 *
 *   @Override
 *   protected Map<String, Object> handle(Map<String, Object> event, Context context) {
 *     return Map.of("statusCode", 200, "body", "ok");
 *   }
 * }
 * }</pre>
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public abstract class BulwarkRequestHandler<I, O> implements RequestHandler<I, O> {

  private volatile @Nullable RequestHandler<I, O> wrapped;

  /** The handler's own logic; runs only when the guards let the invocation through. */
  protected abstract O handle(I input, Context context);

  /** The protection to apply; called once, on the first invocation. */
  protected Protection protection() {
    return Protection.fromEnvironment();
  }

  @Override
  public final O handleRequest(I input, Context context) {
    RequestHandler<I, O> w = wrapped;
    if (w == null) {
      synchronized (this) {
        w = wrapped;
        if (w == null) {
          w = new dev.bulwark.runtime.internal.handler.ProtectedRequestHandler<>(
              engineOf(protection()), this::handle, dev.bulwark.runtime.internal.handler.Beans.responseTypeOf(this));
          wrapped = w;
        }
      }
    }
    return w.handleRequest(input, context);
  }

  private static dev.bulwark.runtime.internal.handler.Engine engineOf(Protection p) {
    return p.engine();
  }
}
