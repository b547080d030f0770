package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A located value after intrinsic functions have been resolved as far as they can be. Adapters
 * produce these trees from their source format; the model's typed attributes are read from them.
 *
 * <ul>
 *   <li>{@link MapNode}, {@link ListNode}, {@link Scalar}: plain data;
 *   <li>{@link Reference}: {@code Ref}/{@code GetAtt} to a resource in the same model;
 *   <li>{@link Text}: a string built from known and unknown parts ({@code Fn::Sub}, {@code
 *       Fn::Join}) — its {@link #shape()} shows the unknown parts as {@code ${…}};
 *   <li>{@link Unknown}: a value that cannot be resolved (a parameter without a value, {@code
 *       Fn::ImportValue}, {@code Fn::GetAZs}, …);
 *   <li>{@link Choice}: {@code Fn::If} whose condition is unknown: either branch may apply;
 *   <li>{@link Absent}: {@code AWS::NoValue}, only ever seen as a branch of a {@link Choice}.
 * </ul>
 */
public sealed interface Node
    permits Node.MapNode,
        Node.ListNode,
        Node.Scalar,
        Node.Reference,
        Node.Text,
        Node.Unknown,
        Node.Choice,
        Node.Absent {

  SourceLocation location();

  /** The value as text when it is a known scalar. */
  default Optional<String> text() {
    return Optional.empty();
  }

  /** Human-readable rendering; unknown parts shown as {@code ${…}}. */
  String shape();

  /** True when the whole value, including every nested value, is known. */
  default boolean isKnown() {
    return false;
  }

  /** Ids of the resources this value references, in order of appearance, without duplicates. */
  default List<String> references() {
    Set<String> ids = new LinkedHashSet<>();
    collectReferences(this, ids);
    return List.copyOf(ids);
  }

  private static void collectReferences(Node n, Set<String> out) {
    if (n instanceof Reference r) {
      out.add(r.logicalId());
    } else if (n instanceof MapNode m) {
      m.entries().values().forEach(v -> collectReferences(v, out));
    } else if (n instanceof ListNode l) {
      l.items().forEach(v -> collectReferences(v, out));
    } else if (n instanceof Text t) {
      t.parts().forEach(v -> collectReferences(v, out));
    } else if (n instanceof Choice c) {
      collectReferences(c.whenTrue(), out);
      collectReferences(c.whenFalse(), out);
    }
  }

  /** A mapping; keys keep their order and their own locations. */
  record MapNode(
      Map<String, Node> entries, Map<String, SourceLocation> keyLocations, SourceLocation location)
      implements Node {
    public MapNode {
      // compact, immutable, ordered; the key locations share the entries' keys when they match
      FrozenMap<Node> frozen = FrozenMap.copyOf(entries);
      entries = frozen;
      keyLocations = FrozenMap.copyOf(keyLocations, frozen);
    }

    /** A builder that fills the map in order without intermediate maps. */
    public static Builder builder(int expectedSize) {
      return new Builder(expectedSize);
    }

    /**
     * Collects entries in order; a key put twice keeps its first position and takes the new value
     * and key location.
     */
    public static final class Builder {
      private String[] keys;
      private Node[] values;
      private SourceLocation[] keyLocations;
      private int size;
      private @Nullable Map<String, Integer> positions;

      private Builder(int expectedSize) {
        int cap = Math.max(1, expectedSize);
        keys = new String[cap];
        values = new Node[cap];
        keyLocations = new SourceLocation[cap];
      }

      public Builder put(String key, SourceLocation keyLocation, Node value) {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(keyLocation, "keyLocation");
        java.util.Objects.requireNonNull(value, "value");
        int at = position(key);
        if (at >= 0) {
          values[at] = value;
          keyLocations[at] = keyLocation;
          return this;
        }
        if (size == keys.length) {
          int cap = size * 2;
          keys = java.util.Arrays.copyOf(keys, cap);
          values = java.util.Arrays.copyOf(values, cap);
          keyLocations = java.util.Arrays.copyOf(keyLocations, cap);
        }
        keys[size] = key;
        values[size] = value;
        keyLocations[size] = keyLocation;
        if (positions != null) {
          positions.put(key, size);
        }
        size++;
        return this;
      }

      public @Nullable Node get(String key) {
        int at = position(key);
        return at < 0 ? null : values[at];
      }

      public int size() {
        return size;
      }

      private int position(String key) {
        if (positions == null) {
          for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
              return i;
            }
          }
          if (size < FrozenMap.INDEXED) {
            return -1;
          }
          positions = new java.util.HashMap<>();
          for (int i = 0; i < size; i++) {
            positions.put(keys[i], i);
          }
          return -1;
        }
        Integer at = positions.get(key);
        return at == null ? -1 : at;
      }

      /** The map; the builder must not be used afterwards. */
      public MapNode build(SourceLocation location) {
        String[] ks = size == keys.length ? keys : java.util.Arrays.copyOf(keys, size);
        Object[] vs = size == values.length ? values : java.util.Arrays.copyOf(values, size);
        Object[] ls =
            size == keyLocations.length ? keyLocations : java.util.Arrays.copyOf(keyLocations, size);
        FrozenMap<Node> entries = FrozenMap.adopt(ks, vs, size);
        FrozenMap<SourceLocation> locations = FrozenMap.adoptKeyedLike(entries, ls);
        keys = new String[0];
        values = new Node[0];
        keyLocations = new SourceLocation[0];
        size = 0;
        positions = null;
        return new MapNode(entries, locations, location);
      }
    }

    public @Nullable Node get(String key) {
      return entries.get(key);
    }

    /** Follows a path of keys through nested maps. */
    public @Nullable Node path(String... keys) {
      Node current = this;
      for (String k : keys) {
        if (!(current instanceof MapNode m)) {
          return null;
        }
        current = m.entries.get(k);
        if (current == null) {
          return null;
        }
      }
      return current;
    }

    /** Location of the key itself (the line a rule should point at), else of the value. */
    public SourceLocation keyLocation(String key) {
      SourceLocation l = keyLocations.get(key);
      if (l != null) {
        return l;
      }
      Node v = entries.get(key);
      return v != null ? v.location() : location;
    }

    @Override
    public String shape() {
      StringBuilder sb = new StringBuilder("{");
      entries.forEach(
          (k, v) -> {
            if (sb.length() > 1) {
              sb.append(", ");
            }
            sb.append(k).append(": ").append(v.shape());
          });
      return sb.append('}').toString();
    }

    @Override
    public boolean isKnown() {
      return entries.values().stream().allMatch(Node::isKnown);
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, SourceLocation location) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String shape() {
      List<String> parts = new ArrayList<>();
      items.forEach(i -> parts.add(i.shape()));
      return "[" + String.join(", ", parts) + "]";
    }

    @Override
    public boolean isKnown() {
      return items.stream().allMatch(Node::isKnown);
    }
  }

  /** A known scalar; {@code value} is null only for an explicit YAML/JSON null. */
  record Scalar(@Nullable String value, Kind kind, SourceLocation location) implements Node {
    /** The scalar's type as written. */
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    @Override
    public Optional<String> text() {
      return Optional.ofNullable(value);
    }

    @Override
    public String shape() {
      return value == null ? "null" : value;
    }

    @Override
    public boolean isKnown() {
      return true;
    }
  }

  /**
   * {@code Ref}/{@code GetAtt} to a resource of the same model. {@code attribute} is null for a
   * plain {@code Ref}.
   */
  record Reference(String logicalId, @Nullable String attribute, SourceLocation location)
      implements Node {
    @Override
    public String shape() {
      return "${" + logicalId + (attribute == null ? "" : "." + attribute) + "}";
    }
  }

  /** A string made of parts, some of which are not known. */
  record Text(List<Node> parts, SourceLocation location) implements Node {
    public Text {
      parts = List.copyOf(parts);
    }

    @Override
    public String shape() {
      StringBuilder sb = new StringBuilder();
      parts.forEach(p -> sb.append(p.shape()));
      return sb.toString();
    }

    /** The known literal prefix (up to the first unknown part). */
    public String literalPrefix() {
      StringBuilder sb = new StringBuilder();
      for (Node p : parts) {
        Optional<String> t = p.text();
        if (t.isEmpty()) {
          break;
        }
        sb.append(t.get());
      }
      return sb.toString();
    }
  }

  /**
   * A value that cannot be resolved. {@code name} is what it stands for ({@code AWS::AccountId},
   * a parameter name, {@code Fn::ImportValue}); {@code reason} says why it is unknown.
   */
  record Unknown(String name, String reason, SourceLocation location) implements Node {
    @Override
    public String shape() {
      return "${" + name + "}";
    }
  }

  /** {@code Fn::If} whose condition could not be evaluated: either branch may apply. */
  record Choice(String condition, Node whenTrue, Node whenFalse, SourceLocation location)
      implements Node {
    @Override
    public String shape() {
      return "${If " + condition + " ? " + whenTrue.shape() + " : " + whenFalse.shape() + "}";
    }

    /** The branches, with nested choices flattened. */
    public List<Node> alternatives() {
      List<Node> out = new ArrayList<>();
      for (Node b : List.of(whenTrue, whenFalse)) {
        if (b instanceof Choice c) {
          out.addAll(c.alternatives());
        } else {
          out.add(b);
        }
      }
      return out;
    }
  }

  /** {@code AWS::NoValue} as a branch of a {@link Choice}. */
  record Absent(SourceLocation location) implements Node {
    @Override
    public String shape() {
      return "${AWS::NoValue}";
    }
  }
}
