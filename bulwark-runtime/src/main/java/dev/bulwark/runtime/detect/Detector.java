package dev.bulwark.runtime.detect;

import java.util.List;

/**
 * Looks for one class (or a family) of attacks in one input. Implementations are immutable,
 * thread-safe, linear in the input's length, and never throw on any input.
 */
public interface Detector {

  /** Detections in {@code input}; empty when it looks benign. */
  List<Detection> detect(Input input);
}
