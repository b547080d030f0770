package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects what the analysers report on one {@link Subject}, keeping the most confident finding per
 * {@link AttackClass} (so one input yields at most one detection per class), and turns them into
 * {@link Detection}s with their excerpts only at the end.
 */
public final class Findings {

  private static final AttackClass[] CLASSES = AttackClass.values();

  private final Subject subject;
  // allocated on the first report: most inputs have none
  private @Nullable String @Nullable [] rules;
  private double[] confidence = NONE;
  private int[] variant = NO_INTS;
  private int[] start = NO_INTS;
  private int[] end = NO_INTS;
  private int found;

  private static final double[] NONE = new double[0];
  private static final int[] NO_INTS = new int[0];

  public Findings(Subject subject) {
    this.subject = subject;
  }

  /**
   * Records a finding at {@code [from, to)} of {@code subject.text(inVariant)}; kept when more
   * confident than what the class already has.
   */
  public void report(
      AttackClass attackClass, String rule, double confidence, int inVariant, int from, int to) {
    // two decimals: the scale is coarse, and 0.8999999999999999 helps nobody reading a log
    double conf = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100.0));
    int k = attackClass.ordinal();
    @Nullable String[] rules = this.rules;
    if (rules == null) {
      rules = new String[CLASSES.length];
      this.rules = rules;
      this.confidence = new double[CLASSES.length];
      variant = new int[CLASSES.length];
      start = new int[CLASSES.length];
      end = new int[CLASSES.length];
    }
    if (rules[k] != null && conf <= this.confidence[k]) {
      return;
    }
    if (rules[k] == null) {
      found++;
    }
    rules[k] = rule;
    this.confidence[k] = conf;
    variant[k] = inVariant;
    start[k] = from;
    end[k] = to;
  }

  /** The best confidence found so far for {@code attackClass}, 0 when none. */
  public double confidence(AttackClass attackClass) {
    @Nullable String[] rules = this.rules;
    return rules == null || rules[attackClass.ordinal()] == null
        ? 0 : confidence[attackClass.ordinal()];
  }

  public boolean isEmpty() {
    return found == 0;
  }

  /** Appends the detections to {@code out}, in {@link AttackClass} order. */
  public void drainTo(List<Detection> out) {
    @Nullable String[] rules = this.rules;
    if (found == 0 || rules == null) {
      return;
    }
    for (int k = 0; k < CLASSES.length; k++) {
      String rule = rules[k];
      if (rule != null) {
        String text = subject.text(variant[k]);
        out.add(
            new Detection(
                CLASSES[k],
                rule,
                confidence[k],
                subject.location(),
                Excerpt.of(text, start[k], end[k])));
      }
    }
  }

  public List<Detection> toList() {
    if (found == 0) {
      return List.of();
    }
    List<Detection> out = new ArrayList<>(found);
    drainTo(out);
    return out;
  }
}
