package dev.bulwark.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found by a rule, a dependency matcher or a secret detector.
 *
 * <p>Findings are immutable; {@link #withSuppression} and {@link #withSeverity} return copies.
 * The {@link #fingerprint()} identifies the same problem across runs (it ignores line numbers, so
 * baselines survive edits elsewhere in the file).
 *
 * @param ruleId id of the rule that produced it
 * @param severity severity (the rule's default unless the producer raised it)
 * @param title the rule's title
 * @param message names the resource and the offending value
 * @param resource the resource it is about
 * @param location file and line range
 * @param remediation one imperative sentence
 * @param suppression non-null when the finding is suppressed
 * @param key distinguishes several findings of one rule on one resource (an environment variable
 *     name, a statement index); part of the fingerprint
 * @param properties extra producer-specific facts (package, version, advisory ids, function)
 */
public record Finding(
    String ruleId,
    Severity severity,
    String title,
    String message,
    @Nullable ResourceRef resource,
    SourceLocation location,
    String remediation,
    @Nullable Suppression suppression,
    String key,
    Map<String, String> properties) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(key, "key");
    // most findings have none: the shared empty map, not an empty copy per finding
    properties = properties.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding withSuppression(@Nullable Suppression s) {
    return new Finding(
        ruleId, severity, title, message, resource, location, remediation, s, key, properties);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(
        ruleId, s, title, message, resource, location, remediation, suppression, key, properties);
  }

  /**
   * Stable identity of this problem: rule, file, resource and key; not the line, not the message.
   * A lower-case hex SHA-256 prefix of 32 characters.
   */
  public String fingerprint() {
    String basis =
        ruleId
            + '\u0000'
            + location.file()
            + '\u0000'
            + (resource == null ? "" : resource.type() + '/' + resource.id())
            + '\u0000'
            + key;
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] digest = md.digest(basis.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Starts a finding for the rule described by {@code meta}. */
  public static Builder builder(RuleMetadata meta) {
    return new Builder(meta.id(), meta.severity(), meta.title(), meta.remediation());
  }

  public static Builder builder(
      String ruleId, Severity severity, String title, String remediation) {
    return new Builder(ruleId, severity, title, remediation);
  }

  /** Builds a {@link Finding}; {@code build()} leaves the builder unchanged. */
  public static final class Builder {
    private final String ruleId;
    private Severity severity;
    private final String title;
    private final String remediation;
    private String message = "";
    private @Nullable ResourceRef resource;
    private SourceLocation location = SourceLocation.NONE;
    private String key = "";
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(String ruleId, Severity severity, String title, String remediation) {
      this.ruleId = ruleId;
      this.severity = severity;
      this.title = title;
      this.remediation = remediation;
    }

    public Builder severity(Severity s) {
      this.severity = Objects.requireNonNull(s);
      return this;
    }

    public Builder message(String m) {
      this.message = Objects.requireNonNull(m);
      return this;
    }

    public Builder resource(String id, String type) {
      this.resource = new ResourceRef(id, type);
      return this;
    }

    public Builder resource(@Nullable ResourceRef r) {
      this.resource = r;
      return this;
    }

    public Builder location(SourceLocation l) {
      this.location = Objects.requireNonNull(l);
      return this;
    }

    public Builder key(String k) {
      this.key = Objects.requireNonNull(k);
      return this;
    }

    public Builder property(String name, String value) {
      properties.put(name, value);
      return this;
    }

    public Finding build() {
      if (message.isEmpty()) {
        throw new IllegalStateException("finding of " + ruleId + " has no message");
      }
      return new Finding(
          ruleId, severity, title, message, resource, location, remediation, null, key, properties);
    }
  }
}
