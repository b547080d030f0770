package dev.bulwark.secrets.internal;

import dev.bulwark.secrets.SecretKind;
import java.util.List;
import java.util.Set;

/**
 * Finds one family of secrets. The scanner finds the detector's anchors (short literals every
 * match must contain, such as {@code ghp_} or {@code -----BEGIN }) in one pass over the text and
 * calls {@link #onAnchor} for each; the detector then examines a bounded window around it.
 * Detectors are stateless and shared between threads; per-text state lives in {@link Scan}.
 */
interface Detector {

  /** A literal that starts the detector's work. */
  record Anchor(String text, boolean ignoreCase) {
    static Anchor exact(String text) {
      return new Anchor(text, false);
    }

    static Anchor anyCase(String text) {
      return new Anchor(text, true);
    }
  }

  List<Anchor> anchors();

  /** The kinds this detector may report; it is skipped when none of them is enabled. */
  Set<SecretKind> kinds();

  /**
   * Examines the text around anchor number {@code anchor} (an index into {@link #anchors()}),
   * found at window positions {@code [start, end)}.
   */
  void onAnchor(Scan scan, int anchor, int start, int end);
}
