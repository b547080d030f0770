package dev.bulwark.deps.internal.readers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed JSON, YAML or TOML document with the 1-based line of each value (0 when the format
 * gives none), so that parsers of every structured lockfile share one shape.
 */
public sealed interface Tree permits Tree.Obj, Tree.Arr, Tree.Scalar {

  int line();

  /** A mapping; keys keep document order, a repeated key keeps its last value. */
  record Obj(Map<String, Tree> fields, Map<String, Integer> keyLines, int line) implements Tree {
    public Obj {
      fields = Collections.unmodifiableMap(fields);
      keyLines = Collections.unmodifiableMap(keyLines);
    }

    public @Nullable Tree get(String key) {
      return fields.get(key);
    }

    /** The line of {@code key} itself, else of its value, else of this mapping. */
    public int lineOf(String key) {
      Integer l = keyLines.get(key);
      if (l != null && l > 0) {
        return l;
      }
      Tree v = fields.get(key);
      return v != null && v.line() > 0 ? v.line() : line;
    }

    /** The text of a scalar field, or null when absent, null or not a scalar. */
    public @Nullable String str(String key) {
      return fields.get(key) instanceof Scalar s ? s.text() : null;
    }

    public @Nullable Obj obj(String key) {
      return fields.get(key) instanceof Obj o ? o : null;
    }

    public List<Tree> arr(String key) {
      return fields.get(key) instanceof Arr a ? a.items() : List.of();
    }

    public boolean isTrue(String key) {
      return "true".equals(str(key));
    }

    public static Obj empty() {
      return new Obj(new LinkedHashMap<>(), new LinkedHashMap<>(), 0);
    }
  }

  /** A sequence. */
  record Arr(List<Tree> items, int line) implements Tree {
    public Arr {
      items = Collections.unmodifiableList(items);
    }
  }

  /** A scalar as text ({@code true}, {@code 12}, {@code abc}); null text for a null value. */
  record Scalar(@Nullable String text, int line) implements Tree {}
}
