package dev.bulwark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.Severity;
import dev.bulwark.deps.Component;
import dev.bulwark.engine.DependencyScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark deps}: dependencies and known vulnerabilities of code without a template. */
@Command(
    name = "deps",
    mixinStandardHelpOptions = true,
    header = "List what a folder or artifact ships and its known vulnerabilities.",
    description = {
      "Reads lockfiles, manifests and built artifacts (Lambda zips, jars, fat jars) under the"
          + " given folders or files, and reports the packages with known vulnerabilities in the"
          + " OSV advisory data ('bulwark db update', --db, or a project's .bulwark/advisories).",
      "With --components, lists the packages instead."
    },
    sortOptions = false)
public final class DepsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<path>", arity = "1..*",
      description = "Folders, archives or manifest files.")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output;

  @Mixin AdvisoryOptions advisories;

  @Option(names = "--components",
      description = "List the components (text, or JSON with --format json) instead of findings.")
  boolean components;

  @Option(names = "--fail-on", paramLabel = "<severity>", defaultValue = "low",
      description = "Exit with 1 when a vulnerability is at or above this severity, or none"
          + " (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() throws IOException {
    Severity threshold =
        "none".equalsIgnoreCase(failOn) ? null : ScanCommand.parseSeverity(failOn, "--fail-on");
    DependencyScan.Result r = DependencyScan.run(paths, advisories.folders, advisories.cache(),
        Path.of("").toAbsolutePath(), Clock.systemUTC());
    if (components) {
      printComponents(r.inventory().components());
    } else {
      output.write(r.report(), spec.commandLine());
    }
    if (!r.report().errors().isEmpty()) {
      return ExitCodes.SCAN_ERROR;
    }
    return threshold != null && r.report().hasFindingsAtLeast(threshold)
        ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private void printComponents(List<Component> list) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (output.format().label().equals("json")) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode arr = json.createArrayNode();
      for (Component c : list) {
        ObjectNode n = arr.addObject();
        n.put("ecosystem", c.ecosystem().label());
        n.put("name", c.name());
        n.put("version", c.version());
        n.put("versionKind", c.versionKind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("scope", c.scope().name().toLowerCase(java.util.Locale.ROOT));
        n.put("direct", c.direct());
        n.put("file", c.source().file());
        if (c.source().hasLine()) {
          n.put("line", c.source().startLine());
        }
      }
      out.println(json.writeValueAsString(arr));
    } else {
      for (Component c : list) {
        out.printf("%-6s %-50s %-18s %s%n", c.ecosystem().label(), c.name(), c.version(),
            c.source());
      }
      out.printf("%d components%n", list.size());
    }
    out.flush();
  }
}
