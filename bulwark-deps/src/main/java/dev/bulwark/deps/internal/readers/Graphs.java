package dev.bulwark.deps.internal.readers;

import dev.bulwark.deps.Component.Scope;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scope from reachability, for lockfiles that list roots but no per-package scope. */
final class Graphs {
  private Graphs() {}

  /**
   * Keys reachable from a runtime root are {@link Scope#RUNTIME}; the others reachable from a
   * development root are {@link Scope#DEVELOPMENT}; the rest are absent from the result.
   */
  static Map<String, Scope> scopes(
      Map<String, List<String>> edges, Collection<String> runtimeRoots, Collection<String> devRoots) {
    Map<String, Scope> out = new HashMap<>();
    walk(edges, runtimeRoots, Scope.RUNTIME, out);
    walk(edges, devRoots, Scope.DEVELOPMENT, out);
    return out;
  }

  private static void walk(
      Map<String, List<String>> edges, Collection<String> roots, Scope scope, Map<String, Scope> out) {
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String k = todo.pop();
      if (out.putIfAbsent(k, scope) != null) {
        continue;
      }
      todo.addAll(edges.getOrDefault(k, List.of()));
    }
  }
}
