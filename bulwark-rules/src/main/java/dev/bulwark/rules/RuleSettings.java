package dev.bulwark.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * User settings some rules read: the date to judge runtime deprecation against ({@code --as-of}),
 * trusted AWS accounts ({@code --trusted-accounts}), the ownership tag key, and free-form options.
 * Immutable; build with {@link #builder()}.
 */
public final class RuleSettings {

  private final LocalDate asOf;
  private final Set<String> trustedAccounts;
  private final String ownerTagKey;
  private final Map<String, String> options;

  private RuleSettings(Builder b) {
    this.asOf = b.asOf;
    this.trustedAccounts = Set.copyOf(b.trustedAccounts);
    this.ownerTagKey = b.ownerTagKey;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
  }

  /** Settings for today, no trusted accounts, owner tag {@code owner}. */
  public static RuleSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** 12-digit account ids allowed for cross-account invokes and layers. */
  public Set<String> trustedAccounts() {
    return trustedAccounts;
  }

  public String ownerTagKey() {
    return ownerTagKey;
  }

  public Map<String, String> options() {
    return options;
  }

  /** Builder; {@link #build()} leaves it unchanged. */
  public static final class Builder {
    private LocalDate asOf = LocalDate.now(java.time.ZoneOffset.UTC);
    private Set<String> trustedAccounts = Set.of();
    private String ownerTagKey = "owner";
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {}

    public Builder asOf(LocalDate date) {
      this.asOf = Objects.requireNonNull(date, "asOf");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first id that is not 12 digits
     */
    public Builder trustedAccounts(Set<String> accounts) {
      for (String a : accounts) {
        if (a.length() != 12 || !a.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new IllegalArgumentException(
              "trusted account '" + a + "' is not a 12-digit AWS account id");
        }
      }
      this.trustedAccounts = Set.copyOf(accounts);
      return this;
    }

    /**
     * @throws IllegalArgumentException when blank
     */
    public Builder ownerTagKey(String key) {
      if (key.isBlank()) {
        throw new IllegalArgumentException("owner tag key must not be blank");
      }
      this.ownerTagKey = key;
      return this;
    }

    public Builder option(String name, String value) {
      options.put(name, value);
      return this;
    }

    public RuleSettings build() {
      return new RuleSettings(this);
    }
  }
}
