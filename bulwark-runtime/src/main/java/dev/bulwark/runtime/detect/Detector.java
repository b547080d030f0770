package dev.bulwark.runtime.detect;

import java.util.List;

/**
 * Looks for one class (or a family) of attacks in one input. Implementations are immutable,
 * thread-safe, linear in the input's length, and never throw on any input.
 *
 * <p>Your own detector combines with the built-in ones through {@link Detectors#of}:
 *
 * <pre>{@code
 * Detector internalHosts = input -> input.value().contains(".corp.example.com")
 *     ? List.of(new Detection(AttackClass.SSRF, "custom.corp-host", 0.9, input.location(),
 *         "corp.example.com"))
 *     : List.of();
 * List<Detector> all = new ArrayList<>(Detectors.defaults().detectors());
 * all.add(internalHosts);
 * Detectors detectors = Detectors.of(all);
 * }</pre>
 */
@FunctionalInterface
public interface Detector {

  /** Detections in {@code input}; empty when it looks benign. */
  List<Detection> detect(Input input);
}
