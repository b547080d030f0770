package dev.bulwark.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HMAC-SHA256 signatures on webhook bodies, checked on the exact bytes received.
 *
 * <ul>
 *   <li>{@link Style#GITHUB}: header {@code X-Hub-Signature-256: sha256=<hex>} over the body;
 *       replays are refused by delivery id ({@code X-GitHub-Delivery}) within the tolerance window.
 *   <li>{@link Style#STRIPE}: header {@code Stripe-Signature: t=<unix>,v1=<hex>} over {@code
 *       "<t>.<body>"}; the timestamp must be within the tolerance, and a signature seen once is
 *       refused again within it.
 * </ul>
 *
 * Replay memory is per container (bounded); a replay that lands on another container within the
 * tolerance is not caught.
 *
 * <pre>{@code
 * WebhookSignature github = WebhookSignature.builder(WebhookSignature.Style.GITHUB,
 *         System.getenv("WEBHOOK_SECRET").getBytes(StandardCharsets.UTF_8))
 *     .routes("POST /hooks/github")
 *     .build();
 * }</pre>
 */
public final class WebhookSignature {

  /** The signature scheme. */
  public enum Style {
    GITHUB,
    STRIPE;

    public static Style parse(String text) {
      for (Style s : values()) {
        if (s.name().equalsIgnoreCase(text.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("webhook style '" + text + "' is not one of: github, stripe");
    }
  }

  private final Style style;
  private final byte[] secret;
  private final Duration tolerance;
  private final List<Route> routes;
  private final int replayCapacity;

  private WebhookSignature(Builder b) {
    this.style = b.style;
    this.secret = b.secret.clone();
    this.tolerance = b.tolerance;
    this.routes = List.copyOf(b.routes);
    this.replayCapacity = b.replayCapacity;
  }

  public static Builder builder(Style style, byte[] secret) {
    return new Builder(style, secret);
  }

  public Style style() {
    return style;
  }

  public byte[] secret() {
    return secret.clone();
  }

  public Duration tolerance() {
    return tolerance;
  }

  /** Routes that must be signed; empty for every HTTP request. */
  public List<Route> routes() {
    return routes;
  }

  public int replayCapacity() {
    return replayCapacity;
  }

  @Override
  public String toString() {
    return "WebhookSignature[" + style.name().toLowerCase(Locale.ROOT) + ", tolerance=" + tolerance + "]";
  }

  /** Builds {@link WebhookSignature}; fails fast naming a bad value. */
  public static final class Builder {
    private final Style style;
    private final byte[] secret;
    private Duration tolerance = Duration.ofMinutes(5);
    private final List<Route> routes = new ArrayList<>();
    private int replayCapacity = 10_000;

    private Builder(Style style, byte[] secret) {
      this.style = Objects.requireNonNull(style, "style");
      if (secret.length < 16) {
        throw new IllegalArgumentException(
            "webhook secret has " + secret.length + " bytes; at least 16 are required");
      }
      this.secret = secret.clone();
    }

    /** Maximum age of a signed timestamp and the replay window; default 5 minutes. */
    public Builder tolerance(Duration window) {
      if (window.isZero() || window.isNegative() || window.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("tolerance " + window + " is not between 0 and 1 hour");
      }
      this.tolerance = window;
      return this;
    }

    /** Limits signature checks to these route patterns (see {@link Route}). */
    public Builder routes(String... patterns) {
      for (String p : patterns) {
        routes.add(Route.builder(p).build());
      }
      return this;
    }

    /** How many delivery ids or signatures are remembered for replay protection; default 10,000. */
    public Builder replayCapacity(int entries) {
      if (entries <= 0) {
        throw new IllegalArgumentException("replay capacity must be positive, was " + entries);
      }
      this.replayCapacity = entries;
      return this;
    }

    public WebhookSignature build() {
      return new WebhookSignature(this);
    }
  }
}
