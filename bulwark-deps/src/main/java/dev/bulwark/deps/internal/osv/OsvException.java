package dev.bulwark.deps.internal.osv;

import dev.bulwark.core.ScanError;

/** An OSV document that cannot be read: what kind of problem, where, and why. */
public final class OsvException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ScanError.Kind kind;
  private final int line;

  public OsvException(ScanError.Kind kind, int line, String message) {
    super(message);
    this.kind = kind;
    this.line = line;
  }

  public ScanError toError(String file) {
    return new ScanError(file, line, kind, getMessage());
  }
}
