package dev.bulwark.deps.internal.artifacts;

import java.io.IOException;

/** A safety limit was reached while inflating; the archive is not read further. */
final class ArchiveLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  ArchiveLimitException(String message) {
    super(message);
  }
}
