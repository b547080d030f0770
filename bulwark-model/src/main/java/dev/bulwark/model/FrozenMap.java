package dev.bulwark.model;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable map with string keys in insertion order, held in two arrays: the compact form of
 * a {@link Node.MapNode}'s entries and key locations. A template of ten thousand functions has
 * over a hundred thousand mappings, most with a handful of keys; as linked hash maps behind
 * unmodifiable views they cost about six times the memory, and copying them is most of the
 * time spent building the tree. Small maps are searched linearly; from {@link #INDEXED} keys up an
 * open-addressing index of the keys' hashes is kept.
 *
 * <p>Two maps over the same keys (entries and key locations) share the key array.
 */
final class FrozenMap<V> extends AbstractMap<String, V> {

  static final int INDEXED = 9;

  private static final FrozenMap<?> EMPTY = new FrozenMap<>(new String[0], new Object[0], 0);

  private final String[] keys;
  private final Object[] values;
  private final int size;
  // slot -> key position + 1 (0: empty); null for small maps
  private final int @Nullable [] index;

  private FrozenMap(String[] keys, Object[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.index = size >= INDEXED ? buildIndex(keys, size) : null;
  }

  private FrozenMap(String[] keys, Object[] values, int size, int @Nullable [] index) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.index = index;
  }

  @SuppressWarnings("unchecked")
  static <V> FrozenMap<V> empty() {
    return (FrozenMap<V>) EMPTY;
  }

  /** The map itself when already frozen, else an ordered copy (null keys or values refused). */
  @SuppressWarnings("unchecked")
  static <V> FrozenMap<V> copyOf(Map<String, ? extends V> map) {
    if (map instanceof FrozenMap<?> f) {
      return (FrozenMap<V>) f;
    }
    int n = map.size();
    if (n == 0) {
      return empty();
    }
    String[] ks = new String[n];
    Object[] vs = new Object[n];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      ks[i] = java.util.Objects.requireNonNull(e.getKey(), "key");
      vs[i] = java.util.Objects.requireNonNull(e.getValue(), "value");
      i++;
    }
    return new FrozenMap<>(ks, vs, n);
  }

  /**
   * An ordered copy of {@code map} keyed like {@code like}: shares its keys (and index) when both
   * have the same keys in the same order.
   */
  @SuppressWarnings("unchecked")
  static <V> FrozenMap<V> copyOf(Map<String, ? extends V> map, FrozenMap<?> like) {
    if (map instanceof FrozenMap<?> f) {
      return (FrozenMap<V>) f;
    }
    int n = map.size();
    if (n != like.size) {
      return copyOf(map);
    }
    if (n == 0) {
      return empty();
    }
    Object[] vs = new Object[n];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      if (!like.keys[i].equals(e.getKey())) {
        return copyOf(map);
      }
      vs[i++] = java.util.Objects.requireNonNull(e.getValue(), "value");
    }
    return new FrozenMap<>(like.keys, vs, n, like.index);
  }

  /** Takes the arrays over (no copy); the caller must not change them afterwards. */
  static <V> FrozenMap<V> adopt(String[] keys, Object[] values, int size) {
    return size == 0 ? empty() : new FrozenMap<>(keys, values, size);
  }

  /** Takes {@code values} over, keyed like {@code like} (same size and order). */
  static <V> FrozenMap<V> adoptKeyedLike(FrozenMap<?> like, Object[] values) {
    return like.size == 0 ? empty() : new FrozenMap<>(like.keys, values, like.size, like.index);
  }

  private static int[] buildIndex(String[] keys, int size) {
    int cap = Integer.highestOneBit(size * 2 - 1) << 1;
    int[] slots = new int[cap];
    int mask = cap - 1;
    for (int i = 0; i < size; i++) {
      int s = spread(keys[i].hashCode()) & mask;
      while (slots[s] != 0) {
        if (keys[slots[s] - 1].equals(keys[i])) {
          throw new IllegalArgumentException("duplicate key " + keys[i]);
        }
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
    return slots;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private int position(@Nullable Object key) {
    if (!(key instanceof String k)) {
      return -1;
    }
    int[] slots = index;
    if (slots == null) {
      // the cached hash first: most keys compared are not the one looked for
      int h = k.hashCode();
      for (int i = 0; i < size; i++) {
        String candidate = keys[i];
        if (candidate == k || candidate.hashCode() == h && candidate.equals(k)) {
          return i;
        }
      }
      return -1;
    }
    int mask = slots.length - 1;
    int s = spread(k.hashCode()) & mask;
    while (true) {
      int at = slots[s];
      if (at == 0) {
        return -1;
      }
      if (keys[at - 1].equals(k)) {
        return at - 1;
      }
      s = (s + 1) & mask;
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return position(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    int i = position(key);
    return i < 0 ? null : (V) values[i];
  }

  /** The key at a position (insertion order). */
  String keyAt(int i) {
    return keys[i];
  }

  /** The value at a position (insertion order). */
  @SuppressWarnings("unchecked")
  V valueAt(int i) {
    return (V) values[i];
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], (V) values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Cursor<>() {
          @Override
          @SuppressWarnings("unchecked")
          Map.Entry<String, V> at(int i) {
            return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return new Cursor<>() {
          @Override
          String at(int i) {
            return keys[i];
          }
        };
      }

      @Override
      public boolean contains(@Nullable Object o) {
        return containsKey(o);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return new Cursor<>() {
          @Override
          @SuppressWarnings("unchecked")
          V at(int i) {
            return (V) values[i];
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private abstract class Cursor<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public T next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(keys[i]).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }

  /** For tests: true when both maps hold the same key array. */
  boolean sharesKeysWith(FrozenMap<?> other) {
    return keys == other.keys;
  }

  @Override
  public int hashCode() {
    // as AbstractMap: sum of key ^ value hashes (kept explicit: the views allocate entries)
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += keys[i].hashCode() ^ values[i].hashCode();
    }
    return h;
  }
}
