package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of a model resource, with where it came from and whether it is known.
 *
 * <ul>
 *   <li><b>present</b>: one value, or several possible values when it depends on a condition that
 *       could not be evaluated ({@code Fn::If}); {@link #isExplicit()} tells whether it was
 *       written in the source or is the service's default;
 *   <li><b>absent</b>: known not to be set (and no default applies);
 *   <li><b>unknown</b>: could not be resolved; {@link #shape()} shows what is known of it, {@link
 *       #references()} which resources it mentions.
 * </ul>
 *
 * <p>Rules report a failure only on what is definitely true: {@link #is} is false for unknown
 * values, and true for a value with several alternatives only when every alternative matches.
 *
 * <pre>{@code
 * if (fn.tracing().is(mode -> !mode.equals("Active"))) {
 *   findings.report(fn, fn.tracing(), "tracing is " + fn.tracing().shape());
 * }
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Attr<T> {

  /** The three states of an attribute. */
  public enum State {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  private final State state;
  // the value when present with one possibility (the usual case: no list per attribute); null
  // otherwise
  private final @Nullable T single;
  // the possibilities when there are several; null otherwise
  private final @Nullable List<T> several;
  private final SourceLocation location;
  private final boolean explicit;
  // for present values, computed from the values on first use (a policy document's text is
  // costly and rarely needed)
  private @Nullable String shape;
  private final List<String> references;

  private Attr(
      State state,
      List<T> values,
      SourceLocation location,
      boolean explicit,
      @Nullable String shape,
      List<String> references) {
    this.state = state;
    if (values.size() == 1) {
      this.single = java.util.Objects.requireNonNull(values.get(0), "value");
      this.several = null;
    } else {
      this.single = null;
      this.several = values.isEmpty() ? null : List.copyOf(values);
    }
    this.location = Objects.requireNonNull(location, "location");
    this.explicit = explicit;
    this.shape = shape;
    this.references = List.copyOf(references);
  }

  /** A value written in the source at {@code location}. */
  public static <T> Attr<T> of(T value, SourceLocation location) {
    return new Attr<>(
        State.PRESENT, List.of(value), location, true, null, refsOf(value));
  }

  /** The service's default, applied because the source does not set it; located at the owner. */
  public static <T> Attr<T> defaulted(T value, SourceLocation ownerLocation) {
    return new Attr<>(
        State.PRESENT, List.of(value), ownerLocation, false, null, refsOf(value));
  }

  /** One of several values, depending on a condition that could not be evaluated. */
  public static <T> Attr<T> oneOf(List<T> alternatives, SourceLocation location) {
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one alternative");
    }
    List<String> refs = new ArrayList<>();
    for (T v : alternatives) {
      refs.addAll(refsOf(v));
    }
    return new Attr<>(
        State.PRESENT, alternatives, location, true, null, refs.stream().distinct().toList());
  }

  /** Known not to be set; located at the owner (the resource or the enclosing property). */
  @SuppressWarnings("unchecked")
  public static <T> Attr<T> absent(SourceLocation ownerLocation) {
    // an absent attribute holds nothing but its location, and a mapper asks for several at the
    // same owner in a row: the last one made on this thread is reused for the same location
    Attr<?>[] last = LAST_ABSENT.get();
    Attr<?> previous = last[0];
    if (previous != null && previous.location == ownerLocation) {
      return (Attr<T>) previous;
    }
    Attr<T> made =
        new Attr<>(State.ABSENT, List.of(), ownerLocation, false, "(not set)", List.of());
    last[0] = made;
    return made;
  }

  private static final ThreadLocal<Attr<?>[]> LAST_ABSENT =
      ThreadLocal.withInitial(() -> new Attr<?>[1]);

  /** Cannot be resolved. */
  public static <T> Attr<T> unknown(SourceLocation location, String shape, List<String> refs) {
    return new Attr<>(State.UNKNOWN, List.of(), location, true, shape, refs);
  }

  /** Cannot be resolved; shape and references taken from the node. */
  public static <T> Attr<T> unknown(Node node) {
    return unknown(node.location(), node.shape(), node.references());
  }

  private static List<String> refsOf(@Nullable Object value) {
    if (value instanceof Ref.ToResource r) {
      return List.of(r.id());
    }
    return List.of();
  }

  public State state() {
    return state;
  }

  public boolean isPresent() {
    return state == State.PRESENT;
  }

  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  public boolean isUnknown() {
    return state == State.UNKNOWN;
  }

  /** Present or absent: not unknown. */
  public boolean isKnown() {
    return state != State.UNKNOWN;
  }

  /** True when written in the source (false for defaults and absence). */
  public boolean isExplicit() {
    return explicit;
  }

  /** Where the value was written, or the owner's location for defaults and absence. */
  public SourceLocation location() {
    return location;
  }

  /** The possible values (empty unless present). */
  public List<T> values() {
    if (single != null) {
      return List.of(single);
    }
    return several != null ? several : List.of();
  }

  private int count() {
    return single != null ? 1 : several != null ? several.size() : 0;
  }

  private T valueAt(int i) {
    return single != null ? single : java.util.Objects.requireNonNull(several).get(i);
  }

  /** The value, when present with exactly one possibility. */
  public Optional<T> value() {
    return state == State.PRESENT && single != null ? Optional.of(single) : Optional.empty();
  }

  /**
   * The single present value.
   *
   * @throws IllegalStateException when absent, unknown or ambiguous
   */
  public T get() {
    return value()
        .orElseThrow(() -> new IllegalStateException("attribute is " + state + ": " + shape()));
  }

  /** The single present value, or {@code fallback}. */
  public T orElse(T fallback) {
    return value().orElse(fallback);
  }

  /** Human-readable value; unknown parts shown as {@code ${…}}, several values joined by |. */
  public String shape() {
    String s = shape;
    if (s == null) {
      List<T> values = values();
      List<String> shapes = new ArrayList<>(values.size());
      for (T v : values) {
        shapes.add(String.valueOf(v));
      }
      s = String.join(" | ", shapes);
      shape = s;
    }
    return s;
  }

  /** Ids of resources this value references. */
  public List<String> references() {
    return references;
  }

  /** Definitely matches: present and every possible value matches. */
  public boolean is(Predicate<? super T> predicate) {
    if (state != State.PRESENT) {
      return false;
    }
    // a loop, not a stream: rules ask this hundreds of thousands of times on a large model
    for (int i = 0, n = count(); i < n; i++) {
      if (!predicate.test(valueAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Definitely equal to {@code expected} (for strings, case-sensitive). */
  public boolean isEqualTo(T expected) {
    if (state != State.PRESENT) {
      return false;
    }
    return single != null ? expected.equals(single) : is(expected::equals);
  }

  /** Definitely absent, or definitely matches. */
  public boolean isAbsentOr(Predicate<? super T> predicate) {
    return state == State.ABSENT || is(predicate);
  }

  /** Could match: unknown, or some possible value matches. */
  public boolean mayBe(Predicate<? super T> predicate) {
    if (state == State.UNKNOWN) {
      return true;
    }
    for (int i = 0, n = count(); i < n; i++) {
      if (predicate.test(valueAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Transforms each possible value; absence and unknown state are kept. The shape of a present
   * value is the transformed value's.
   */
  public <R> Attr<R> map(Function<? super T, ? extends R> f) {
    if (state != State.PRESENT) {
      return new Attr<>(state, List.of(), location, explicit, shape, references);
    }
    List<R> mapped = new ArrayList<>();
    for (T v : values()) {
      mapped.add(f.apply(v));
    }
    return new Attr<>(state, mapped, location, explicit, null, references);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Attr<?> a
        && state == a.state
        && values().equals(a.values())
        && location.equals(a.location)
        && explicit == a.explicit
        && shape().equals(a.shape());
  }

  @Override
  public int hashCode() {
    // a present value's shape follows from its values
    return Objects.hash(state, values(), location, explicit, state == State.PRESENT ? "" : shape());
  }

  @Override
  public String toString() {
    return switch (state) {
      case PRESENT -> shape() + (explicit ? "" : " (default)");
      case ABSENT -> "(not set)";
      case UNKNOWN -> "unknown " + shape();
    };
  }
}
