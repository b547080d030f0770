package dev.bulwark.cli;

import dev.bulwark.core.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCommand.VersionProvider.class,
    header = "Security toolkit for serverless applications.",
    description = {
      "Scans AWS SAM and CloudFormation templates (and CDK output) for the misconfigurations "
          + "of serverless functions and everything around them, the known vulnerabilities of "
          + "what each function ships, and hard-coded secrets; and protects Java functions at "
          + "run time (bulwark-runtime; 'inspect' and 'dev-serve' help with it).",
      ""
    },
    subcommands = {
      ScanCommand.class,
      RulesCommand.class,
      InspectCommand.class,
      DevServeCommand.class,
      DepsCommand.class,
      SbomCommand.class,
      DbCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the --fail-on severity",
      "1:findings at or above the --fail-on severity",
      "2:usage error (bad option or value, unreadable parameters or baseline file)",
      "3:scan error (an input could not be read or parsed; see --keep-going) or internal error"
    },
    footerHeading = "%n",
    footer = "Documentation: README.md and docs/ in the Bulwark repository.")
public final class BulwarkCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the build's version. */
  public static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Version.tool()};
    }
  }
}
