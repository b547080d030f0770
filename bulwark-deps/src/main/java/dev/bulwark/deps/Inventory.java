package dev.bulwark.deps;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.internal.readers.ComponentSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What one function, layer or folder ships: its components (deduplicated by {@link
 * Component#key()}, sorted by key), with the dependency graph in {@link Component#dependsOn()},
 * the files that were read and the files that could not be.
 *
 * <pre>{@code
 * Inventory inventory = InventoryReader.withDefaults().read(Path.of("hello-world"));
 * for (Component c : inventory.components()) {
 *   System.out.println(c.key() + " from " + c.source());
 * }
 * inventory.errors().forEach(e -> System.err.println(e));
 * }</pre>
 *
 * @param components every component, sorted by key, one per key
 * @param errors inputs that could not be read or were cut short by a limit
 * @param files the manifests, lockfiles and archives that were read (as displayed), sorted
 */
public record Inventory(List<Component> components, List<ScanError> errors, List<String> files) {

  public Inventory {
    List<Component> sorted = new ArrayList<>(components);
    sorted.sort(Comparator.comparing(Component::key));
    components = List.copyOf(sorted);
    errors = List.copyOf(errors);
    files = List.copyOf(new TreeSet<>(files));
  }

  public static Inventory empty() {
    return new Inventory(List.of(), List.of(), List.of());
  }

  /**
   * One inventory for several (an application's functions and layers): components with the same
   * key merge (the most precise version kind, the first source with a line, the union of hashes
   * and edges, direct when any says so).
   */
  public static Inventory merge(Collection<Inventory> inventories) {
    ComponentSet set = new ComponentSet();
    List<ScanError> errors = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (Inventory i : inventories) {
      i.components.forEach(set::add);
      errors.addAll(i.errors);
      files.addAll(i.files);
    }
    return new Inventory(set.components(), errors, files);
  }

  /** The component with this {@link Component#key()}. */
  public Optional<Component> find(String key) {
    for (Component c : components) {
      if (c.key().equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Components declared directly by the project. */
  public List<Component> direct() {
    return components.stream().filter(Component::direct).toList();
  }
}
