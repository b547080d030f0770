package dev.bulwark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.engine.Scanner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark rules}: lists the rules; {@code bulwark rules explain ID} prints one's document. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    header = "List the rules, or explain one.",
    description = "Lists every rule with its id, severity, title and whether it runs by default.",
    subcommands = {RulesCommand.Explain.class})
public final class RulesCommand implements Callable<Integer> {

  /** Output format of the rule list. */
  public enum ListFormat {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  ListFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleMetadata> rules = all();
    if (format == ListFormat.json) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode list = json.createArrayNode();
      for (RuleMetadata m : rules) {
        ObjectNode n = list.addObject();
        n.put("id", m.id());
        n.put("severity", m.severity().label());
        n.put("title", m.title());
        n.put("remediation", m.remediation());
        n.put("enabledByDefault", m.enabledByDefault());
        n.putPOJO("tags", m.tags());
        n.putPOJO("aliases", m.aliases());
      }
      out.println(json.writeValueAsString(list));
    } else {
      for (RuleMetadata m : rules) {
        out.printf("%-13s %-8s %s%s%n", m.id(), m.severity().label(), m.title(),
            m.enabledByDefault() ? "" : "  (off by default; --profile all)");
      }
      out.printf("%n%d rules. 'bulwark rules explain <ID>' shows one in full.%n", rules.size());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Every rule a scan can report (posture, dependencies, secrets, the engine's), in id order. */
  static List<RuleMetadata> all() {
    return Scanner.catalog();
  }

  /** {@code bulwark rules explain ID}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      header = "Print the documentation of one rule.",
      description = "Prints what the rule checks, why it matters and how to fix it.")
  public static final class Explain implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<rule-id>", description = "Rule id (or a former id).")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (RuleMetadata m : all()) {
        if (m.answersTo(id)) {
          out.printf("%s  %s  (%s%s)%n%n", m.id(), m.title(), m.severity().label(),
              m.enabledByDefault() ? "" : ", off by default");
          out.println(m.help().isBlank() ? m.remediation() : m.help().strip());
          if (!m.help().isBlank()) {
            out.printf("%nRemediation: %s%n", m.remediation());
          }
          if (!m.aliases().isEmpty()) {
            out.printf("Former ids: %s%n", String.join(", ", m.aliases()));
          }
          out.flush();
          return ExitCodes.OK;
        }
      }
      throw new Main.UsageException(
          "unknown rule '" + id + "' (see 'bulwark rules' for the list)");
    }
  }
}
