package dev.bulwark.core;

import java.util.Objects;

/**
 * An input that could not be read or understood. Errors never stop a scan: the rest of the inputs
 * are still scanned, and every output format lists the errors.
 *
 * @param file the file (as displayed to the user)
 * @param line 1-based line of the problem, or 0 when it is about the whole file
 * @param kind category of the problem
 * @param message what went wrong, for a human, without a stack trace
 */
public record ScanError(String file, int line, Kind kind, String message) {

  /** Category of a scan error. */
  public enum Kind {
    /** The file could not be read (permissions, I/O, symlink loop). */
    IO,
    /** The file could not be parsed (syntax, encoding). */
    PARSE,
    /** The file parsed but its content is not valid (malformed properties). */
    INVALID,
    /** A safety limit was hit (size, depth, aliases, archive ratio). */
    LIMIT,
    /** An unexpected internal error while processing this input. */
    INTERNAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ScanError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      line = 0;
    }
  }

  @Override
  public String toString() {
    return (line > 0 ? file + ":" + line : file) + ": " + kind.label() + ": " + message;
  }
}
