package dev.bulwark.runtime.internal.guard;

import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** One invocation as the guards see it; guards record what they learn here. */
public final class Invocation {
  private final DecodedEvent event;
  private final @Nullable Route route;
  private final String requestId;
  private @Nullable String subject;
  private Map<String, Object> claims = Map.of();
  private @Nullable String apiClient;
  final TreeSet<Integer> rejectedRecords = new TreeSet<>();
  final TreeSet<Integer> wouldRejectRecords = new TreeSet<>();
  @Nullable Rejection wouldReject;

  public Invocation(DecodedEvent event, @Nullable Route route, String requestId) {
    this.event = event;
    this.route = route;
    this.requestId = requestId;
  }

  public DecodedEvent event() {
    return event;
  }

  /** The first configured route matching this request, or null. */
  public @Nullable Route route() {
    return route;
  }

  public String requestId() {
    return requestId;
  }

  /** The verified JWT's subject, once the JWT guard accepted one. */
  public @Nullable String subject() {
    return subject;
  }

  public Map<String, Object> claims() {
    return claims;
  }

  public void authenticatedJwt(@Nullable String sub, Map<String, Object> verifiedClaims) {
    this.subject = sub;
    this.claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(verifiedClaims));
  }

  /** The client name of the verified API key, once the API-key guard accepted one. */
  public @Nullable String apiClient() {
    return apiClient;
  }

  public void authenticatedApiKey(String client) {
    this.apiClient = client;
  }

  /** In monitor mode: the first rejection block mode would have answered, or null. */
  public @Nullable Rejection wouldReject() {
    return wouldReject;
  }

  /** In monitor mode: the batch records block mode would have rejected. */
  public TreeSet<Integer> wouldRejectRecords() {
    return wouldRejectRecords;
  }

  /** Indexes of batch records rejected so far (block mode only). */
  public TreeSet<Integer> rejectedRecords() {
    return rejectedRecords;
  }
}
