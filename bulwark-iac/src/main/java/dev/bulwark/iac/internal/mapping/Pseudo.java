package dev.bulwark.iac.internal.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * Values of pseudo parameters in text SAM generates (policy template ARNs, permission source ARNs).
 * As when reading templates, {@code AWS::Partition} is {@code aws} and {@code AWS::URLSuffix}
 * {@code amazonaws.com}; the account and region stay unknown.
 */
record Pseudo(Map<String, String> values) {

  Pseudo {
    values = Map.copyOf(values);
  }

  static Pseudo defaults() {
    return new Pseudo(Map.of("AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com"));
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String partition() {
    return values.getOrDefault("AWS::Partition", "aws");
  }
}
