package dev.bulwark.cli;

/** The exit codes of every {@code bulwark} command. */
public final class ExitCodes {

  /** Nothing at or above the {@code --fail-on} severity. */
  public static final int OK = 0;

  /** Findings at or above the {@code --fail-on} severity. */
  public static final int FINDINGS = 1;

  /** The command line is wrong (unknown option, bad value, unreadable parameters file). */
  public static final int USAGE = 2;

  /**
   * An input could not be read or understood (scan errors), unless {@code --keep-going}; or an
   * internal error.
   */
  public static final int SCAN_ERROR = 3;

  private ExitCodes() {}
}
