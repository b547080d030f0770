package dev.bulwark.model;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A pointer from one resource to another: either a resource of the same model ({@code Ref} or
 * {@code GetAtt} in a template) or a literal name/ARN that the model does not contain.
 */
public sealed interface Ref permits Ref.ToResource, Ref.Literal {

  /** The referenced resource's id when it is in the model. */
  default Optional<String> resourceId() {
    return this instanceof ToResource r ? Optional.of(r.id()) : Optional.empty();
  }

  /** The literal value when the target is given by name or ARN. */
  default Optional<String> literal() {
    return this instanceof Literal l ? Optional.of(l.value()) : Optional.empty();
  }

  /** A resource of the same model; {@code attribute} is null for a plain {@code Ref}. */
  record ToResource(String id, @Nullable String attribute) implements Ref {
    @Override
    public String toString() {
      return attribute == null ? id : id + "." + attribute;
    }
  }

  /** A name or ARN given literally. */
  record Literal(String value) implements Ref {
    @Override
    public String toString() {
      return value;
    }
  }

  static Ref to(String id) {
    return new ToResource(id, null);
  }

  static Ref literal(String value) {
    return new Literal(value);
  }
}
