package dev.bulwark.deps;

import dev.bulwark.deps.internal.sbom.CycloneDx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Writes CycloneDX 1.6 SBOMs (JSON or XML): one per function, or one for a whole application
 * whose functions and layers are named groups. Components carry their package-url, hashes,
 * scope, licenses and the dependency graph where the lockfile gave it; the tool and a timestamp
 * from the {@link Clock} are in the metadata. The output is the same for the same input and
 * instant (the serial number derives from both).
 *
 * <pre>{@code
 * SbomWriter writer = SbomWriter.create(Clock.systemUTC());
 * Inventory orders = InventoryReader.withDefaults().read(Path.of("orders"), "orders");
 * String one = writer.function("OrdersFunction", orders.components(), SbomFormat.JSON);
 * String app = writer.application(
 *     "shop", List.of(SbomGroup.function("OrdersFunction", orders)), SbomFormat.XML);
 * }</pre>
 */
public final class SbomWriter {
  private final Clock clock;

  private SbomWriter(Clock clock) {
    this.clock = clock;
  }

  public static SbomWriter create(Clock clock) {
    return new SbomWriter(Objects.requireNonNull(clock, "clock"));
  }

  /** The SBOM of one function: it is the subject, its components the content. */
  public String function(String functionName, List<Component> components, SbomFormat format) {
    return CycloneDx.write(
        functionName, "function", List.of(), components, clock.instant(), format);
  }

  /**
   * The SBOM of an application: the application is the subject, each group a component that
   * depends on what it ships; a package shipped by several groups appears once.
   */
  public String application(String applicationName, List<SbomGroup> groups, SbomFormat format) {
    return CycloneDx.write(applicationName, "application", groups, List.of(), clock.instant(), format);
  }
}
