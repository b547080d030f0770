package dev.bulwark.iac;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The infrastructure-as-code adapters Bulwark knows, in the order they are asked. */
public final class Adapters {

  private static final List<IacAdapter> ALL = List.of();

  private Adapters() {}

  public static List<IacAdapter> all() {
    return ALL;
  }

  /** The first adapter that accepts the file by its content. */
  public static Optional<IacAdapter> forFile(Path file, byte[] head) {
    for (IacAdapter a : ALL) {
      if (a.accepts(file, head)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
