package dev.bulwark.runtime.internal.guard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Validates a decoded JSON body against one route's JSON Schema. */
@FunctionalInterface
public interface SchemaCheck {

  /** Problems as {@code location: message}, at most a few; empty when valid. */
  List<String> validate(@Nullable Object body);
}
