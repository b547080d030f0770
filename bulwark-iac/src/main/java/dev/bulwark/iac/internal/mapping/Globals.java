package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The SAM {@code Globals} section, merged into resources the way the SAM transform merges it: a
 * value the resource sets wins; maps are merged key by key (recursively); lists are the global
 * entries followed by the resource's. Merged values keep their own locations, so a finding on a
 * global value points into {@code Globals}.
 */
final class Globals {

  private Globals() {}

  /**
   * The properties of a resource with the globals of {@code section} ({@code Function}, {@code
   * Api}, {@code HttpApi}, {@code SimpleTable}, {@code StateMachine}, {@code LayerVersion}).
   */
  static Node.MapNode apply(Node.MapNode globals, String section, Node.MapNode properties) {
    Node g = globals.get(section);
    if (!(g instanceof Node.MapNode gm) || gm.entries().isEmpty()) {
      return properties;
    }
    return mergeMaps(gm, properties, properties.location());
  }

  /**
   * One property with the globals of {@code section} applied: {@code apply(...).get(key)} without
   * merging the others.
   */
  static @Nullable Node property(
      Node.MapNode globals, String section, Node.MapNode properties, String key) {
    Node local = properties.get(key);
    Node global = globals.get(section) instanceof Node.MapNode gm ? gm.get(key) : null;
    if (global == null) {
      return local;
    }
    return local == null ? global : merge(global, local);
  }

  /** The globals of one section alone (for the implicit APIs SAM creates). */
  static Node.MapNode section(Node.MapNode globals, String section, SourceLocation fallback) {
    Node g = globals.get(section);
    return g instanceof Node.MapNode gm ? gm : Props.emptyMap(fallback);
  }

  static Node merge(Node global, Node local) {
    if (global instanceof Node.MapNode gm && local instanceof Node.MapNode lm) {
      return mergeMaps(gm, lm, lm.location());
    }
    if (global instanceof Node.ListNode gl && local instanceof Node.ListNode ll) {
      List<Node> items = new ArrayList<>(gl.items());
      items.addAll(ll.items());
      return new Node.ListNode(items, ll.location());
    }
    return local;
  }

  private static Node.MapNode mergeMaps(Node.MapNode g, Node.MapNode l, SourceLocation at) {
    Node.MapNode.Builder b = Node.MapNode.builder(g.entries().size() + l.entries().size());
    g.entries().forEach((k, v) -> b.put(k, g.keyLocation(k), v));
    l.entries().forEach((k, v) -> {
      Node previous = b.get(k);
      b.put(k, l.keyLocation(k), previous == null ? v : merge(previous, v));
    });
    return b.build(at);
  }
}
