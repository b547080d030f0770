package dev.bulwark.iac.internal.template;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * A mapping with string keys in source order; each key keeps its own position. The entries are
   * held in an array (searched linearly while small, through a key index from {@link #INDEXED}
   * entries): a large template has a hundred thousand mappings of a few keys each.
   */
  final class RawMap implements RawNode {
    static final int INDEXED = 9;
    private static final Entry[] NONE = new Entry[0];

    private Entry[] entries = NONE;
    private int count;
    private java.util.@Nullable HashMap<String, Integer> index;
    final int line;
    int endLine;
    final int column;
    int size = 1;

    RawMap(int line, int column) {
      this.line = line;
      this.endLine = line;
      this.column = column;
    }

    /**
     * Adds an entry, or replaces the value of an existing key in place; returns the entry it
     * replaced (a duplicate key), or null.
     */
    @Nullable Entry put(String key, int keyLine, int keyColumn, RawNode value) {
      size = saturatedAdd(size, value.size());
      Entry e = new Entry(key, keyLine, keyColumn, value);
      int at = position(key);
      if (at >= 0) {
        Entry previous = entries[at];
        entries[at] = e;
        return previous;
      }
      if (count == entries.length) {
        entries = java.util.Arrays.copyOf(entries, Math.max(4, count * 2));
      }
      entries[count] = e;
      if (index != null) {
        index.put(key, count);
      } else if (count + 1 >= INDEXED) {
        index = new java.util.HashMap<>();
        for (int i = 0; i <= count; i++) {
          index.put(entries[i].key(), i);
        }
      }
      count++;
      return null;
    }

    private int position(String key) {
      if (index != null) {
        Integer at = index.get(key);
        return at == null ? -1 : at;
      }
      for (int i = 0; i < count; i++) {
        if (entries[i].key().equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Nullable RawNode get(String key) {
      Entry e = entry(key);
      return e == null ? null : e.value;
    }

    /** The entry of a key, or null. */
    @Nullable Entry entry(String key) {
      int at = position(key);
      return at < 0 ? null : entries[at];
    }

    boolean has(String key) {
      return position(key) >= 0;
    }

    /** Removes a key (YAML merge keys); returns its entry, or null. */
    @Nullable Entry remove(String key) {
      int at = position(key);
      if (at < 0) {
        return null;
      }
      Entry removed = entries[at];
      System.arraycopy(entries, at + 1, entries, at, count - at - 1);
      entries[--count] = null;
      if (index != null) {
        index.clear();
        for (int i = 0; i < count; i++) {
          index.put(entries[i].key(), i);
        }
      }
      return removed;
    }

    /** The entries in source order (a view: valid until the map changes). */
    List<Entry> entryList() {
      return java.util.Arrays.asList(entries).subList(0, count);
    }

    /** Number of entries. */
    int count() {
      return count;
    }

    /** The only entry, when this map has exactly one. */
    @Nullable Entry single() {
      return count == 1 ? entries[0] : null;
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
