package dev.bulwark.engine;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.engine.internal.InputFinder;
import dev.bulwark.engine.internal.SupplyChain;
import dev.bulwark.iac.Adapters;
import dev.bulwark.iac.IacAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each function of the templates under some paths ships: the inventory of its local code
 * and layers, for {@code bulwark sbom}. Functions are named {@code <template>#<logical id>}.
 */
public final class FunctionInventories {

  /** Inventories by function, and the problems met. */
  public record Result(Map<String, Inventory> functions, List<ScanError> errors) {}

  private FunctionInventories() {}

  /** Reads the templates under {@code paths} and the code of every function they declare. */
  public static Result read(List<Path> paths, Path workingDirectory) {
    InputFinder finder = new InputFinder(java.util.Set.of(), workingDirectory);
    InputFinder.Found found = finder.find(paths);
    List<ScanError> errors = new ArrayList<>(found.errors());
    SupplyChain chain = new SupplyChain(InventoryReader.withDefaults(), null, true, List::of,
        finder::display);
    Map<String, Inventory> out = new LinkedHashMap<>();
    for (InputFinder.Candidate c : found.candidates()) {
      byte[] head;
      try (InputStream in = Files.newInputStream(c.path())) {
        head = in.readNBytes(64 * 1024);
      } catch (IOException e) {
        errors.add(new ScanError(c.display(), 0, ScanError.Kind.IO, InputFinder.describe(e)));
        continue;
      }
      Optional<IacAdapter> adapter = Adapters.forFile(c.path(), head);
      if (adapter.isEmpty()) {
        continue;
      }
      LoadResult loaded = adapter.get().load(c.path(), c.display(), IacOptions.defaults());
      errors.addAll(loaded.errors());
      if (loaded.model() == null) {
        continue;
      }
      SupplyChain.Result r = chain.run(loaded.model(), c.path(), c.display(), List.of());
      errors.addAll(r.errors());
      r.functionInventories().forEach((fn, inv) -> out.put(c.display() + "#" + fn, inv));
    }
    return new Result(out, errors);
  }
}
