package dev.bulwark.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Entry point: protect a handler in one expression.
 *
 * <pre>{@code
 * public class OrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
 *   private static final RequestHandler<Map<String, Object>, Map<String, Object>> PROTECTED =
 *       Bulwark.protect(new OrdersLogic())
 *           .fromEnvironment()
 *           .mode(Mode.BLOCK)
 *           .build();
 *
 *   @Override
 *   public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
 *     return PROTECTED.handleRequest(event, context);
 *   }
 * }
 * }</pre>
 */
public final class Bulwark {
  private Bulwark() {}

  /** Starts protecting a {@link RequestHandler} (map or POJO events). */
  public static <I, O> Builder<RequestHandler<I, O>> protect(RequestHandler<I, O> handler) {
    Objects.requireNonNull(handler, "handler");
    return new Builder<>(p -> p.wrap(handler), handler);
  }

  /** Starts protecting a {@link RequestStreamHandler}. */
  public static Builder<RequestStreamHandler> protectStream(RequestStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return new Builder<>(p -> p.wrap(handler), handler);
  }

  /**
   * Configures the protection of one handler; {@link #build()} returns the protected handler.
   *
   * @param <H> the handler type
   */
  public static final class Builder<H> extends BulwarkSettings<Builder<H>> {
    private final java.util.function.Function<Protection, H> wrap;
    private final Object handler;
    private @Nullable Class<?> responseType;

    Builder(java.util.function.Function<Protection, H> wrap, Object handler) {
      this.wrap = wrap;
      this.handler = handler;
    }

    /**
     * The class to build rejection responses as ({@code APIGatewayV2HTTPResponse}), when it cannot
     * be read from the handler's class; maps are used otherwise.
     */
    public Builder<H> responseType(Class<?> type) {
      this.responseType = Objects.requireNonNull(type, "type");
      return this;
    }

    /** The protected handler. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public H build() {
      Protection p = toProtection();
      if (responseType != null && handler instanceof RequestHandler<?, ?> rh) {
        return (H) p.wrap((RequestHandler) rh, (Class) responseType);
      }
      return wrap.apply(p);
    }

    /** The protection these settings describe, for use with several handlers. */
    public Protection toProtection() {
      return copyInto(Protection.builder()).build();
    }
  }
}
