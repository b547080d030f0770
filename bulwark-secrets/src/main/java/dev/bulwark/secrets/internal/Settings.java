package dev.bulwark.secrets.internal;

import dev.bulwark.core.RuleMetadata;
import dev.bulwark.secrets.SecretKind;
import dev.bulwark.secrets.SecretRules;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What the detectors need to know about the scan: enabled kinds, rule metadata, the clock. */
final class Settings {

  private final Set<SecretKind> enabled;
  private final Map<String, RuleMetadata> rules = new HashMap<>();
  final Clock clock;

  Settings(Set<SecretKind> enabled, Clock clock) {
    this.enabled = enabled.isEmpty() ? EnumSet.noneOf(SecretKind.class) : EnumSet.copyOf(enabled);
    this.clock = clock;
    for (RuleMetadata m : SecretRules.metadata()) {
      rules.put(m.id(), m);
    }
  }

  boolean enabled(SecretKind kind) {
    return enabled.contains(kind);
  }

  boolean anyEnabled(Set<SecretKind> kinds) {
    for (SecretKind k : kinds) {
      if (enabled.contains(k)) {
        return true;
      }
    }
    return false;
  }

  RuleMetadata rule(String id) {
    RuleMetadata m = rules.get(id);
    if (m == null) {
      throw new IllegalStateException("no metadata for secret rule " + id);
    }
    return m;
  }
}
