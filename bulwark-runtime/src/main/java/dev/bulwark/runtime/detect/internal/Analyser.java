package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detector;
import dev.bulwark.runtime.detect.Input;
import java.util.List;

/**
 * A built-in detector for one {@link AttackClass}. Used on its own it is a plain {@link Detector};
 * inside {@link dev.bulwark.runtime.detect.Detectors} the input is prepared once into a {@link
 * Subject} and shared by every analyser.
 */
public abstract class Analyser implements Detector {

  /** The class this analyser reports. */
  public abstract AttackClass attackClass();

  /**
   * Features ({@link Subject}'s character bits) without which this analyser cannot find anything:
   * when no text variant has any of them, the analyser is not called. All bits by default.
   */
  public int triggers() {
    return -1;
  }

  /** Reports into {@code out} what it finds in {@code subject}; must not throw. */
  public abstract void analyse(Subject subject, Findings out);

  @Override
  public final List<Detection> detect(Input input) {
    try {
      Subject s = Subject.of(input);
      Findings f = new Findings(s);
      analyse(s, f);
      return f.toList();
    } catch (RuntimeException e) {
      // an analyser fault must never break the handler: treat the input as not analysed
      return List.of();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
