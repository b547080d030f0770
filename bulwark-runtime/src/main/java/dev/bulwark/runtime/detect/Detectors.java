package dev.bulwark.runtime.detect;

import dev.bulwark.runtime.detect.internal.Analyser;
import dev.bulwark.runtime.detect.internal.Analysers;
import dev.bulwark.runtime.detect.internal.Findings;
import dev.bulwark.runtime.detect.internal.Subject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A composite of detectors with optional {@link DetectionExceptions}. {@link #defaults()} is the
 * built-in set, one detector per {@link AttackClass}; {@link #of} combines any.
 *
 * <p>The built-in detectors share the preparation of each input (capping, the extra decoding layer
 * attackers add on top of the event's own encoding, character statistics), so running them
 * together through one {@code Detectors} costs less than running them one by one.
 *
 * <pre>{@code
 * Detectors detectors = Detectors.defaults()
 *     .withExceptions(DetectionExceptions.builder()
 *         .exemptField("body.$.html", AttackClass.XSS)
 *         .build());
 * List<Detection> found = detectors.detect("POST /comments", Input.value("body.$.text", text));
 * boolean block = found.stream().anyMatch(d -> d.confidence() >= Confidence.BLOCK_THRESHOLD);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #detect} never throws: a detector that fails on an input is
 * treated as having found nothing in it.
 */
public final class Detectors implements Detector {

  private static final Detectors DEFAULTS = new Detectors(Analysers.all(), DetectionExceptions.none());

  private final List<Detector> detectors;
  private final List<Analyser> analysers;
  private final List<Detector> others;
  private final DetectionExceptions exceptions;

  private Detectors(List<? extends Detector> detectors, DetectionExceptions exceptions) {
    this.detectors = List.copyOf(detectors);
    this.exceptions = exceptions;
    List<Analyser> a = new ArrayList<>();
    List<Detector> o = new ArrayList<>();
    for (Detector d : this.detectors) {
      if (d instanceof Analyser an) {
        a.add(an);
      } else {
        o.add(d);
      }
    }
    this.analysers = List.copyOf(a);
    this.others = List.copyOf(o);
  }

  /** The built-in detectors, one for every {@link AttackClass}, without exceptions. */
  public static Detectors defaults() {
    return DEFAULTS;
  }

  /** The built-in detectors for the given classes only. */
  public static Detectors forClasses(Set<AttackClass> classes) {
    Objects.requireNonNull(classes, "classes");
    List<Detector> chosen = new ArrayList<>();
    for (Analyser a : Analysers.all()) {
      if (classes.contains(a.attackClass())) {
        chosen.add(a);
      }
    }
    return new Detectors(chosen, DetectionExceptions.none());
  }

  /** A composite of {@code detectors} (built-in or your own), in that order. */
  public static Detectors of(List<? extends Detector> detectors) {
    Objects.requireNonNull(detectors, "detectors");
    return new Detectors(detectors, DetectionExceptions.none());
  }

  /** The same detectors with {@code exceptions} replacing the current ones. */
  public Detectors withExceptions(DetectionExceptions exceptions) {
    Objects.requireNonNull(exceptions, "exceptions");
    return new Detectors(detectors, exceptions);
  }

  /** The detectors, in the order they run; unmodifiable. */
  public List<Detector> detectors() {
    return detectors;
  }

  /** The exceptions applied by {@link #detect(String, Input)}. */
  public DetectionExceptions exceptions() {
    return exceptions;
  }

  /**
   * Detections in {@code input}, for an event whose route is unknown: exceptions that name a route
   * do not apply, exceptions for any route do.
   */
  @Override
  public List<Detection> detect(Input input) {
    return detect("", input);
  }

  /**
   * Detections in {@code input} of an event on {@code routeKey} (API Gateway's {@code routeKey} such
   * as {@code GET /items/{id}}, or any key the caller uses for its routes), minus those the
   * exceptions exempt. At most one detection per attack class and detector.
   */
  public List<Detection> detect(String routeKey, Input input) {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(input, "input");
    List<Detection> out = detectInto(routeKey, input, null);
    return out == null ? List.of() : out;
  }

  /** Detections in every input of one event, in input order. */
  public List<Detection> detectAll(String routeKey, List<Input> inputs) {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(inputs, "inputs");
    List<Detection> out = null;
    for (Input in : inputs) {
      out = detectInto(routeKey, Objects.requireNonNull(in, "input"), out);
    }
    return out == null ? List.of() : out;
  }

  /** Appends the detections in {@code input} to {@code out}, creating it on the first one. */
  private @Nullable List<Detection> detectInto(
      String routeKey, Input input, @Nullable List<Detection> out) {
    Set<AttackClass> exempt = exceptions.exemptClasses(routeKey, input.location());
    if (!analysers.isEmpty()) {
      out = runAnalysers(input, exempt, out);
    }
    for (Detector d : others) {
      try {
        for (Detection found : d.detect(input)) {
          if (!exempt.contains(found.attackClass())) {
            if (out == null) {
              out = new ArrayList<>(2);
            }
            out.add(found);
          }
        }
      } catch (RuntimeException e) {
        // a detector's own fault never breaks the handler; the input counts as clean for it
      }
    }
    return out;
  }

  private @Nullable List<Detection> runAnalysers(
      Input input, Set<AttackClass> exempt, @Nullable List<Detection> out) {
    Subject subject;
    try {
      subject = Subject.of(input);
    } catch (RuntimeException e) {
      return out;
    }
    Findings findings = new Findings(subject);
    boolean all = exempt.isEmpty();
    int features = subject.allFeatures();
    for (int i = 0, n = analysers.size(); i < n; i++) {
      Analyser a = analysers.get(i);
      int triggers = a.triggers();
      if (triggers != -1 && (triggers & features) == 0 || !all && exempt.contains(a.attackClass())) {
        continue;
      }
      try {
        a.analyse(subject, findings);
      } catch (RuntimeException e) {
        // as above: an analyser fault leaves this input unanalysed for that class
      }
    }
    if (findings.isEmpty()) {
      return out;
    }
    if (out == null) {
      out = new ArrayList<>(2);
    }
    findings.drainTo(out);
    return out;
  }

  /** Every class at least one of these detectors can report (built-in ones only). */
  public Set<AttackClass> builtInClasses() {
    EnumSet<AttackClass> s = EnumSet.noneOf(AttackClass.class);
    for (Analyser a : analysers) {
      s.add(a.attackClass());
    }
    return s;
  }
}
