package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;

/** A resource of the model. Implementations are immutable records. */
public interface Resource {

  ResourceMeta meta();

  default String id() {
    return meta().id();
  }

  default String type() {
    return meta().type();
  }

  default SourceLocation location() {
    return meta().location();
  }
}
