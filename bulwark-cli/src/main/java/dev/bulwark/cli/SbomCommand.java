package dev.bulwark.cli;

import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.deps.SbomFormat;
import dev.bulwark.deps.SbomGroup;
import dev.bulwark.deps.SbomWriter;
import dev.bulwark.engine.FunctionInventories;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark sbom}: a CycloneDX 1.6 SBOM per function and for the whole application. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    header = "Write a CycloneDX 1.6 SBOM of an application or of a folder or artifact.",
    description = {
      "When the path holds SAM/CloudFormation templates, the SBOM describes the application:"
          + " one component per function (and what its code and layers ship), each package once."
          + " Otherwise it describes what the folder, archive or manifest ships."
    },
    sortOptions = false)
public final class SbomCommand implements Callable<Integer> {

  /** SBOM encodings. */
  public enum Encoding {
    json,
    xml
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<path>", description = "A folder, template, archive or manifest.")
  Path path;

  @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = "json",
      description = "CycloneDX encoding: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Encoding format;

  @Option(names = {"-o", "--output"}, paramLabel = "<file>",
      description = "Write the SBOM to this file instead of standard output.")
  @Nullable Path output;

  @Option(names = "--name", paramLabel = "<name>",
      description = "Name of the application or artifact (default: the path's file name).")
  @Nullable String name;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(path)) {
      throw new Main.UsageException("no such file or folder: " + path);
    }
    Path abs = path.toAbsolutePath().normalize();
    String subject = name != null ? name
        : abs.getFileName() == null ? "application" : abs.getFileName().toString();
    SbomFormat encoding = format == Encoding.xml ? SbomFormat.XML : SbomFormat.JSON;
    SbomWriter writer = SbomWriter.create(Clock.systemUTC());
    FunctionInventories.Result functions =
        FunctionInventories.read(List.of(path), Path.of("").toAbsolutePath());
    String sbom;
    int errors;
    if (!functions.functions().isEmpty()) {
      List<SbomGroup> groups = new ArrayList<>();
      for (Map.Entry<String, Inventory> e : functions.functions().entrySet()) {
        groups.add(SbomGroup.function(e.getKey(), e.getValue()));
      }
      sbom = writer.application(subject, groups, encoding);
      errors = functions.errors().size();
      functions.errors().forEach(e -> spec.commandLine().getErr().println("bulwark: " + e));
    } else {
      Inventory inventory = InventoryReader.withDefaults().read(path, path.toString());
      sbom = writer.function(subject, inventory.components(), encoding);
      errors = inventory.errors().size();
      inventory.errors().forEach(e -> spec.commandLine().getErr().println("bulwark: " + e));
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(sbom);
      out.flush();
    } else {
      Path dir = output.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(output, sbom, StandardCharsets.UTF_8);
      spec.commandLine().getErr().printf("bulwark: wrote the SBOM to %s%n", output);
    }
    return errors > 0 ? ExitCodes.SCAN_ERROR : ExitCodes.OK;
  }
}
