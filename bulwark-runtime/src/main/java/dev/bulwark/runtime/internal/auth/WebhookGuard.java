package dev.bulwark.runtime.internal.auth;

import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.WebhookSignature;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.guard.Chain;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.guard.Guard;
import dev.bulwark.runtime.internal.guard.Outcome;
import dev.bulwark.runtime.internal.guard.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks GitHub- or Stripe-style HMAC-SHA256 webhook signatures, with replay protection. */
public final class WebhookGuard implements Guard {

  private final WebhookSignature config;
  private final Clock clock;
  private final ReplayCache replays;
  private final SecretKeySpec key;

  public WebhookGuard(WebhookSignature config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.replays = new ReplayCache(clock, config.tolerance(), config.replayCapacity());
    this.key = new SecretKeySpec(config.secret(), "HmacSHA256");
  }

  @Override
  public String name() {
    return "webhook";
  }

  public void afterRestore() {
    replays.clear();
  }

  @Override
  public Outcome intercept(Chain chain) {
    DecodedEvent ev = chain.invocation().event();
    if (!ev.trigger().isHttp() || !applies(ev)) {
      return chain.proceed();
    }
    byte[] body = ev.body() == null ? new byte[0] : ev.body();
    String failure =
        config.style() == WebhookSignature.Style.GITHUB ? github(ev, body) : stripe(ev, body);
    if (failure != null) {
      return chain.reject(Rejection.unauthorized(), new Finding("auth", failure, "", ""));
    }
    return chain.proceed();
  }

  private boolean applies(DecodedEvent ev) {
    if (config.routes().isEmpty()) {
      return true;
    }
    for (Route r : config.routes()) {
      if (r.matches(ev.method(), ev.path(), ev.routeTemplate())) {
        return true;
      }
    }
    return false;
  }

  private String github(DecodedEvent ev, byte[] body) {
    String sig = ev.header("x-hub-signature-256");
    if (sig == null) {
      return "webhook.missing-signature";
    }
    if (!sig.startsWith("sha256=") || !equalHex(sig.substring(7), hmac(body))) {
      return "webhook.bad-signature";
    }
    String delivery = ev.header("x-github-delivery");
    if (delivery != null && !replays.firstUse(delivery)) {
      return "webhook.replayed";
    }
    return null;
  }

  private String stripe(DecodedEvent ev, byte[] body) {
    String header = ev.header("stripe-signature");
    if (header == null) {
      return "webhook.missing-signature";
    }
    String t = null;
    List<String> v1 = new ArrayList<>(1);
    for (String part : dev.bulwark.runtime.internal.decode.Strings.split(header, ',')) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String k = part.substring(0, eq).trim();
      String v = part.substring(eq + 1).trim();
      if (k.equals("t")) {
        t = v;
      } else if (k.equals("v1")) {
        v1.add(v);
      }
    }
    long ts;
    try {
      ts = t == null ? -1 : Long.parseLong(t);
    } catch (NumberFormatException e) {
      ts = -1;
    }
    if (ts < 0 || v1.isEmpty()) {
      return "webhook.malformed-signature";
    }
    long age = Math.abs(clock.instant().getEpochSecond() - ts);
    if (age > config.tolerance().getSeconds()) {
      return "webhook.stale-timestamp";
    }
    byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    byte[] expected = hmac(signed);
    String match = null;
    for (String candidate : v1) {
      if (equalHex(candidate, expected) && match == null) {
        match = candidate;
      }
    }
    if (match == null) {
      return "webhook.bad-signature";
    }
    if (!replays.firstUse(t + ":" + match)) {
      return "webhook.replayed";
    }
    return null;
  }

  private static boolean equalHex(String hex, byte[] expected) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(hex.trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, expected);
  }

  private byte[] hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
