package dev.bulwark.deps;

import java.util.List;
import java.util.Objects;

/**
 * A named part of an application and the components it ships: a function, a layer.
 *
 * @param name the name shown in the SBOM, e.g. the template's logical id {@code OrdersFunction}
 * @param kind what it is, e.g. {@code function} or {@code layer} (a {@code bulwark:kind} property)
 * @param components what it ships
 */
public record SbomGroup(String name, String kind, List<Component> components) {

  public SbomGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("group name must not be blank");
    }
    components = List.copyOf(components);
  }

  /** A function and the components of its inventory. */
  public static SbomGroup function(String name, Inventory inventory) {
    return new SbomGroup(name, "function", inventory.components());
  }

  /** A layer and the components of its inventory. */
  public static SbomGroup layer(String name, Inventory inventory) {
    return new SbomGroup(name, "layer", inventory.components());
  }
}
