package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;

/** A file that cannot be read any further; becomes one {@link ScanError}. */
public final class ReadFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final ScanError.Kind kind;
  private final int line;

  public ReadFailure(ScanError.Kind kind, int line, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.line = line;
  }

  public ScanError toError(String file) {
    return new ScanError(file, line, kind, getMessage());
  }
}
