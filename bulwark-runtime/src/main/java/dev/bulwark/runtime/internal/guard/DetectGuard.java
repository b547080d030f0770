package dev.bulwark.runtime.internal.guard;

import dev.bulwark.runtime.Exemption;
import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detector;
import dev.bulwark.runtime.detect.Input.Kind;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.decode.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs the detectors over every decoded value within a time budget. Attacks in a batch record
 * reject that record; attacks elsewhere reject the invocation with 403. Detections below the
 * blocking confidence and exempted locations are logged, not acted on.
 */
public final class DetectGuard implements Guard {

  private final Detector detector;
  private final List<Exemption> exemptions;
  private final double blockConfidence;
  private final Duration budget;
  private final Clock clock;

  public DetectGuard(
      Detector detector, List<Exemption> exemptions, double blockConfidence, Duration budget, Clock clock) {
    this.detector = detector;
    this.exemptions = List.copyOf(exemptions);
    this.blockConfidence = blockConfidence;
    this.budget = budget;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "detect";
  }

  @Override
  public Outcome intercept(Chain chain) {
    Invocation inv = chain.invocation();
    DecodedEvent ev = inv.event();
    List<Field> fields = ev.fields();
    boolean batch = ev.trigger().isBatch();
    Route route = inv.route();
    List<Finding> blocking = new ArrayList<>(0);
    BitSet rejected = new BitSet();
    Instant deadline = clock.instant().plus(budget);
    for (int i = 0; i < fields.size(); i++) {
      if ((i & 7) == 7 && clock.instant().isAfter(deadline)) {
        chain.log(
            new Finding("detection-budget", "detect.budget-exceeded", fields.get(i).input().location(),
                "inspected " + i + " of " + fields.size() + " values in " + budget.toMillis() + " ms"),
            "skipped");
        break;
      }
      Field f = fields.get(i);
      if ((f.record() >= 0 && rejected.get(f.record())) || inert(f.input().value(), f.input().kind())) {
        continue;
      }
      List<Detection> found = detector.detect(f.input());
      for (Detection d : found) {
        if (exempt(route, d)) {
          continue;
        }
        Finding finding = new Finding(d.attackClass().label(), d.rule(), d.location(), d.excerpt());
        if (d.confidence() < blockConfidence) {
          chain.log(finding, "logged");
        } else if (batch && f.record() >= 0) {
          chain.rejectRecord(f.record(), finding);
          rejected.set(f.record());
          break;
        } else {
          blocking.add(finding);
        }
      }
    }
    if (!blocking.isEmpty()) {
      return chain.reject(Rejection.forbidden(), blocking);
    }
    return chain.proceed();
  }

  private boolean exempt(Route route, Detection d) {
    for (Exemption e : exemptions) {
      if (e.covers(d.location(), d.attackClass())) {
        return true;
      }
    }
    if (route != null) {
      for (Exemption e : route.exemptions()) {
        if (e.covers(d.location(), d.attackClass())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True for values no attack class can use: short runs of ASCII letters and digits only (no
   * space, quote, operator or separator), and object keys that are plain identifiers — except the
   * keys prototype pollution uses. Skipping them halves the detector calls for a typical JSON body.
   */
  static boolean inert(String v, Kind kind) {
    int n = v.length();
    if (kind == Kind.KEY) {
      if (n > 64 || v.startsWith("__") || v.equals("constructor") || v.equals("prototype")) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = v.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
          return false;
        }
      }
      return true;
    }
    if (n > 16) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
