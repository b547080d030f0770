package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;

/** A problem that stops reading a file: the file yields no template. */
final class ReadFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ScanError error;

  ReadFailure(ScanError error) {
    super(error.toString(), null, false, false);
    this.error = error;
  }

  ReadFailure(String file, int line, ScanError.Kind kind, String message) {
    this(new ScanError(file, line, kind, message));
  }

  ScanError error() {
    return error;
  }
}
