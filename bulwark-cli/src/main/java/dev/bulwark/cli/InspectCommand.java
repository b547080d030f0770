package dev.bulwark.cli;

import dev.bulwark.runtime.Protection;
import dev.bulwark.runtime.inspect.Inspector;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark inspect}: decode and check recorded Lambda events, no handler, no network. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    header = "Run the runtime protection's decoding and detection on recorded Lambda events.",
    description = {
      "Reads one Lambda event (a JSON document) or JSON lines of events from files or standard"
          + " input, runs bulwark-runtime's decoding, validation and attack detection on each - no"
          + " handler, no network - and prints one verdict per event as a JSON line: the trigger,"
          + " the detections with their locations, and whether block mode would reject it.",
      "Use it to understand a block, to replay logged events, or to try a configuration."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every event inspected (and none would be blocked, with --fail-on-block)",
      "1:some event would be blocked (only with --fail-on-block)",
      "2:usage error (bad option, unreadable configuration)",
      "3:an input could not be read, or a line was not JSON"
    })
public final class InspectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<file>",
      arity = "0..*",
      description = "Event files (a JSON event, or JSON lines); '-' or none reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "A bulwark-runtime configuration file (JSON or YAML), as used in the function.")
  @Nullable Path config;

  @Option(
      names = "--fail-on-block",
      description = "Exit with 1 when some event would be blocked in block mode.")
  boolean failOnBlock;

  @Override
  public Integer call() throws IOException {
    Protection.Builder builder = Protection.builder();
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new Main.UsageException("--config: no such file " + config);
      }
      try {
        builder.fromFile(config);
      } catch (IllegalArgumentException e) {
        throw new Main.UsageException("--config: " + e.getMessage());
      }
    }
    Inspector inspector = new Inspector(builder.build());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> inputs = files.isEmpty() ? List.of("-") : files;
    int events = 0;
    int blocked = 0;
    int errors = 0;
    for (String name : inputs) {
      try (Reader in = open(name)) {
        Inspector.Summary s = inspector.inspectAll(in, out);
        events += s.events();
        blocked += s.blocked();
        errors += s.errors();
      } catch (NoSuchFileException e) {
        err.println("bulwark: " + name + ": no such file");
        errors++;
      } catch (IOException e) {
        err.println("bulwark: " + name + ": " + e.getMessage());
        errors++;
      }
    }
    out.flush();
    err.printf("bulwark: %d %s inspected, %d would be blocked, %d %s%n",
        events, events == 1 ? "event" : "events", blocked, errors, errors == 1 ? "error" : "errors");
    if (errors > 0) {
      return ExitCodes.SCAN_ERROR;
    }
    return failOnBlock && blocked > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static Reader open(String name) throws IOException {
    if (name.equals("-")) {
      return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8);
  }
}
