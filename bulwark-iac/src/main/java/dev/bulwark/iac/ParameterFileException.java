package dev.bulwark.iac;

/**
 * A parameter file that cannot be used. The message names the file, the line (when known) and
 * the reason, ready to show to the user.
 */
public final class ParameterFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String reason;

  /**
   * @param file the file as shown to the user
   * @param line 1-based line of the problem, or 0 when it is about the whole file
   * @param reason what is wrong
   */
  public ParameterFileException(String file, int line, String reason) {
    super((line > 0 ? file + ":" + line : file) + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** 1-based line of the problem, or 0 when it is about the whole file. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
