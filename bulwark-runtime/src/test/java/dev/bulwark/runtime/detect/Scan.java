package dev.bulwark.runtime.detect;

import java.util.List;
import java.util.Optional;

/** Test helpers: run the default detectors on one value and pick a class's detection. */
final class Scan {

  private Scan() {}

  static List<Detection> value(String text) {
    return Detectors.defaults().detect(Input.value("query.q", text));
  }

  static List<Detection> header(String text) {
    return Detectors.defaults().detect(new Input("header.x-test", text, Input.Kind.HEADER));
  }

  static List<Detection> key(String key) {
    return Detectors.defaults().detect(new Input("body.$." + key, key, Input.Kind.KEY));
  }

  static Optional<Detection> first(List<Detection> found, AttackClass c) {
    return found.stream().filter(d -> d.attackClass() == c).findFirst();
  }

  static Optional<Detection> value(String text, AttackClass c) {
    return first(value(text), c);
  }
}
