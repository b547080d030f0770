package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import java.util.List;

/** What a parser made of one file. */
public record ReadResult(List<Component> components, List<ScanError> errors) {

  public ReadResult {
    components = List.copyOf(components);
    errors = List.copyOf(errors);
  }

  public static ReadResult failed(ScanError error) {
    return new ReadResult(List.of(), List.of(error));
  }
}
