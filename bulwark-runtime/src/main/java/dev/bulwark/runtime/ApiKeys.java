package dev.bulwark.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * API-key authentication. Keys are stored only as SHA-256 hashes (hex) with a client name; a
 * presented key is hashed and compared in constant time with every stored hash, so neither the
 * key nor the position of a match leaks through timing. The client name becomes the rate-limit
 * key for {@link ClientKey#API_KEY}.
 *
 * <pre>{@code
 * ApiKeys keys = ApiKeys.builder()
 *     .key("partner-a", ApiKeys.sha256("a-long-random-key-for-partner-a"))
 *     .build();
 * }</pre>
 */
public final class ApiKeys {

  private final String header;
  private final Map<String, byte[]> hashes;

  private ApiKeys(Builder b) {
    this.header = b.header;
    Map<String, byte[]> m = new LinkedHashMap<>();
    b.hashes.forEach((k, v) -> m.put(k, v.clone()));
    this.hashes = Map.copyOf(m);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The hex SHA-256 of {@code key}: what to store instead of the key. */
  public static String sha256(String key) {
    return HexFormat.of().formatHex(digest(key));
  }

  /** The header that carries the key (lower case), {@code x-api-key} by default. */
  public String header() {
    return header;
  }

  /** Number of stored keys. */
  public int size() {
    return hashes.size();
  }

  /**
   * The client name of {@code presented}, or null when it matches no stored key. Always compares
   * against every stored hash.
   */
  public @org.jspecify.annotations.Nullable String clientOf(String presented) {
    byte[] h = digest(presented);
    String found = null;
    for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
      if (MessageDigest.isEqual(h, e.getValue()) && found == null) {
        found = e.getKey();
      }
    }
    return found;
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[header=" + header + ", clients=" + hashes.keySet() + "]";
  }

  /** Builds {@link ApiKeys}; fails fast on a malformed hash or a duplicate client. */
  public static final class Builder {
    private String header = "x-api-key";
    private final Map<String, byte[]> hashes = new LinkedHashMap<>();

    private Builder() {}

    public Builder header(String name) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      this.header = name.trim().toLowerCase(Locale.ROOT);
      return this;
    }

    /** Adds the key of {@code client} by its hex SHA-256 ({@link ApiKeys#sha256}). */
    public Builder key(String client, String sha256Hex) {
      if (client.isBlank()) {
        throw new IllegalArgumentException("client name must not be blank");
      }
      if (hashes.containsKey(client)) {
        throw new IllegalArgumentException("client '" + client + "' has a key already");
      }
      String h = sha256Hex.trim().toLowerCase(Locale.ROOT);
      if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException(
            "key of client '" + client + "' is not a 64-digit hex SHA-256 (store hashes, not keys)");
      }
      hashes.put(client, HexFormat.of().parseHex(h));
      return this;
    }

    public ApiKeys build() {
      if (hashes.isEmpty()) {
        throw new IllegalStateException("API keys need at least one key");
      }
      return new ApiKeys(this);
    }
  }
}
