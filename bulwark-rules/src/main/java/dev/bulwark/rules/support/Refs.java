package dev.bulwark.rules.support;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Ref;

/**
 * Names of referenced resources for messages.
 *
 * <pre>{@code
 * "function " + Refs.name(permission.function()) // "function Api", "function arn:aws:lambda:…"
 * }</pre>
 */
public final class Refs {

  private Refs() {}

  /** The referenced resource's id, the literal name or ARN, or the value's shape. */
  public static String name(Attr<Ref> ref) {
    return ref.value()
        .map(r -> r.resourceId().orElseGet(() -> r.literal().orElse(ref.shape())))
        .orElse(ref.shape());
  }
}
