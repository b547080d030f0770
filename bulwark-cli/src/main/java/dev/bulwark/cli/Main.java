package dev.bulwark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code bulwark} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The configured picocli command line (also used to generate the CLI reference). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BulwarkCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
        || e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.SCAN_ERROR);
    cl.setParameterExceptionHandler((ex, a) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("bulwark: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
        c.getErr().println("bulwark: " + ex.getMessage());
        return ExitCodes.USAGE;
      }
      c.getErr().println("bulwark: internal error: " + ex);
      if (System.getenv("BULWARK_DEBUG") != null) {
        ex.printStackTrace(c.getErr());
      } else {
        c.getErr().println("(set BULWARK_DEBUG=1 to see the stack trace, and please report it)");
      }
      return ExitCodes.SCAN_ERROR;
    });
    return cl;
  }

  /** A user error detected while running a command: printed without a stack trace, exit 2. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
