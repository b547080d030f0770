package dev.bulwark.runtime.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A composite of detectors. {@link #defaults()} is the built-in set; {@link #of} combines any.
 */
public final class Detectors implements Detector {

  private final List<Detector> detectors;

  private Detectors(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** The built-in detectors, for every {@link AttackClass}. */
  public static Detectors defaults() {
    return new Detectors(List.of());
  }

  public static Detectors of(List<Detector> detectors) {
    return new Detectors(detectors);
  }

  public List<Detector> detectors() {
    return detectors;
  }

  @Override
  public List<Detection> detect(Input input) {
    List<Detection> out = new ArrayList<>();
    for (Detector d : detectors) {
      out.addAll(d.detect(input));
    }
    return out;
  }
}
