package dev.bulwark.deps.internal.match;

import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.internal.version.SchemeVersion;
import dev.bulwark.deps.internal.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code SEMVER} or {@code ECOSYSTEM} range with its event versions parsed and sorted, so that
 * evaluating a version is a walk over a few comparisons. The evaluation is the OSV schema's: in
 * version order, {@code introduced <= v} makes {@code v} affected, {@code fixed <= v} and {@code
 * last_affected < v} make it unaffected; {@code v} must also be below a {@code limit} when there
 * are limits. {@code introduced: "0"} is before every version.
 */
final class CompiledRange {

  /** One event; a null version is {@code introduced: "0"}. */
  private record Step(Advisory.EventKind kind, @Nullable SchemeVersion version, String text) {}

  final VersionScheme scheme;
  private final Step[] steps;
  private final SchemeVersion[] limits;

  private CompiledRange(VersionScheme scheme, Step[] steps, SchemeVersion[] limits) {
    this.scheme = scheme;
    this.steps = steps;
    this.limits = limits;
  }

  /**
   * Parses the events of a range.
   *
   * @param problems receives the texts that are not versions of {@code scheme}
   * @return the compiled range, or null when an event cannot be read (the range cannot be judged)
   */
  static @Nullable CompiledRange compile(
      VersionScheme scheme, List<Advisory.Event> events, List<String> problems) {
    List<Step> steps = new ArrayList<>(events.size());
    List<SchemeVersion> limits = new ArrayList<>();
    boolean ok = true;
    for (Advisory.Event e : events) {
      if (e.kind() == Advisory.EventKind.INTRODUCED && e.version().equals("0")) {
        steps.add(new Step(e.kind(), null, e.version()));
        continue;
      }
      if (e.kind() == Advisory.EventKind.LIMIT && e.version().equals("*")) {
        continue;
      }
      SchemeVersion v = scheme.tryParse(e.version());
      if (v == null) {
        problems.add(e.version());
        ok = false;
      } else if (e.kind() == Advisory.EventKind.LIMIT) {
        limits.add(v);
      } else {
        steps.add(new Step(e.kind(), v, e.version()));
      }
    }
    if (!ok) {
      return null;
    }
    Step[] sorted = steps.toArray(new Step[0]);
    insertionSort(sorted);
    return new CompiledRange(scheme, sorted, limits.toArray(new SchemeVersion[0]));
  }

  /** Stable, and safe with orderings that are not quite transitive (unlike TimSort). */
  private static void insertionSort(Step[] a) {
    for (int i = 1; i < a.length; i++) {
      Step x = a[i];
      int j = i - 1;
      while (j >= 0 && compare(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  private static int compare(Step a, Step b) {
    if (a.version == null || b.version == null) {
      return a.version == b.version ? 0 : a.version == null ? -1 : 1;
    }
    return a.version.compareTo(b.version);
  }

  /** True when {@code v} (a version of this range's scheme) is in the range. */
  boolean affects(SchemeVersion v) {
    boolean affected = false;
    for (Step s : steps) {
      int c = s.version == null ? -1 : s.version.compareTo(v);
      if (c > 0) {
        break;
      }
      switch (s.kind) {
        case INTRODUCED:
          affected = true;
          break;
        case FIXED:
          affected = false;
          break;
        case LAST_AFFECTED:
          if (c < 0) {
            affected = false;
          }
          break;
        default:
          break;
      }
    }
    if (affected && limits.length > 0) {
      for (SchemeVersion limit : limits) {
        if (v.compareTo(limit) < 0) {
          return true;
        }
      }
      return false;
    }
    return affected;
  }

  /** The texts of the {@code fixed} events. */
  List<String> fixedVersions() {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      if (s.kind == Advisory.EventKind.FIXED) {
        out.add(s.text);
      }
    }
    return out;
  }
}
