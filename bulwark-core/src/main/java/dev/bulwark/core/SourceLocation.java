package dev.bulwark.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where something came from: a file and a line range (1-based, inclusive), or for live resources
 * an ARN in {@code file} with lines 0. Columns are 1-based; 0 means unknown.
 */
public record SourceLocation(String file, int startLine, int endLine, int startColumn) {

  /** A location with no file; used for values that have no origin (built-in defaults). */
  public static final SourceLocation NONE = new SourceLocation("", 0, 0, 0);

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (startLine < 0 || endLine < startLine && endLine != 0) {
      throw new IllegalArgumentException(
          "bad line range " + startLine + ".." + endLine + " in " + file);
    }
    if (endLine < startLine) {
      endLine = startLine;
    }
  }

  public static SourceLocation of(String file, int line) {
    return new SourceLocation(file, line, line, 0);
  }

  public static SourceLocation of(String file, int startLine, int endLine) {
    return new SourceLocation(file, startLine, endLine, 0);
  }

  public boolean hasLine() {
    return startLine > 0;
  }

  /** The same file with a new line range. */
  public SourceLocation withLines(int start, int end) {
    return new SourceLocation(file, start, end, 0);
  }

  /** The smallest range covering this and {@code other} (same file), or this when files differ. */
  public SourceLocation span(@Nullable SourceLocation other) {
    if (other == null || !other.file.equals(file) || !other.hasLine()) {
      return this;
    }
    if (!hasLine()) {
      return other;
    }
    return new SourceLocation(
        file,
        Math.min(startLine, other.startLine),
        Math.max(endLine, other.endLine),
        startLine <= other.startLine ? startColumn : other.startColumn);
  }

  @Override
  public String toString() {
    if (!hasLine()) {
      return file;
    }
    return startLine == endLine ? file + ":" + startLine : file + ":" + startLine + "-" + endLine;
  }
}
