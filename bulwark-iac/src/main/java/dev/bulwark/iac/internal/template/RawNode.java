package dev.bulwark.iac.internal.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parsed, located but not yet resolved tree that the YAML and the JSON readers both produce.
 * Intrinsic functions are still plain one-key maps ({@code {"Fn::Sub": …}}); YAML short-form tags
 * have already been turned into that long form. Lines and columns are 1-based.
 *
 * <p>Nodes may be shared (YAML aliases), so the tree is a DAG; {@link #size()} counts a node's
 * subtree with shared parts counted every time they appear, which is what resolving it costs.
 */
sealed interface RawNode permits RawNode.RawMap, RawNode.RawList, RawNode.RawScalar {

  int line();

  int endLine();

  int column();

  /** Nodes in this subtree, shared subtrees counted once per appearance (saturates). */
  int size();

  /** A scalar; {@code value} is null only for an explicit null. */
  record RawScalar(
      @Nullable String value, dev.bulwark.model.Node.Scalar.Kind kind, int line, int endLine, int column)
      implements RawNode {
    @Override
    public int size() {
      return 1;
    }
  }

  /** A sequence. */
  final class RawList implements RawNode {
    final List<RawNode> items;
    final int line;
    int endLine;
    final int column;
    int size = 1;

    RawList(int line, int column) {
      this.items = new ArrayList<>();
      this.line = line;
      this.endLine = line;
      this.column = column;
    }

    void add(RawNode item) {
      items.add(item);
      size = saturatedAdd(size, item.size());
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public int endLine() {
      return endLine;
    }

    @Override
    public int column() {
      return column;
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** A mapping with string keys in source order; each key keeps its own position. */
  final class RawMap implements RawNode {
    final LinkedHashMap<String, Entry> entries;
    final int line;
    int endLine;
    final int column;
    int size = 1;

    RawMap(int line, int column) {
      this.entries = new LinkedHashMap<>();
      this.line = line;
      this.endLine = line;
      this.column = column;
    }

    /** Adds an entry; returns the entry it replaced (a duplicate key), or null. */
    @Nullable Entry put(String key, int keyLine, int keyColumn, RawNode value) {
      size = saturatedAdd(size, value.size());
      return entries.put(key, new Entry(key, keyLine, keyColumn, value));
    }

    @Nullable RawNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value;
    }

    Map<String, Entry> entries() {
      return entries;
    }

    /** The only entry, when this map has exactly one. */
    @Nullable Entry single() {
      return entries.size() == 1 ? entries.values().iterator().next() : null;
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public int endLine() {
      return endLine;
    }

    @Override
    public int column() {
      return column;
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** A map entry: the key with its position, and the value. */
  record Entry(String key, int keyLine, int keyColumn, RawNode value) {}

  static int saturatedAdd(int a, int b) {
    int r = a + b;
    return r < 0 ? Integer.MAX_VALUE : r;
  }
}
