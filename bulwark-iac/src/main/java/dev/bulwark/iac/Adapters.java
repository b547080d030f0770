package dev.bulwark.iac;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The infrastructure-as-code adapters Bulwark knows, in the order they are asked.
 *
 * <pre>{@code
 * Path file = Path.of("template.yaml");
 * byte[] head = Files.readAllBytes(file); // or just its first 64 KiB
 * Optional<IacAdapter> adapter = Adapters.forFile(file, head);
 * adapter.ifPresent(a -> a.load(file, "template.yaml", IacOptions.defaults()));
 * }</pre>
 */
public final class Adapters {

  private static final List<IacAdapter> ALL = List.of(new CloudFormationAdapter());

  private Adapters() {}

  /** Every adapter, in the order {@link #forFile} asks them. */
  public static List<IacAdapter> all() {
    return ALL;
  }

  /**
   * The first adapter that accepts the file by its content.
   *
   * @param file the file (its name may be used to refuse obvious non-matches)
   * @param head the first bytes of the file, up to 64 KiB
   */
  public static Optional<IacAdapter> forFile(Path file, byte[] head) {
    for (IacAdapter a : ALL) {
      if (a.accepts(file, head)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
