package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One file to parse: the name shown to the user (a path, or {@code app.zip!/requirements.txt}
 * inside an archive) and its bytes.
 */
public record SourceFile(String display, byte[] bytes) {

  /** Bytes scanned for a NUL to tell a binary file. */
  private static final int BINARY_PROBE = 8192;

  public static SourceFile of(String display, String text) {
    return new SourceFile(display, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The content as strict UTF-8 without a byte-order mark; binary or malformed input fails. */
  public String text() throws ReadFailure {
    int probe = Math.min(bytes.length, BINARY_PROBE);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        throw new ReadFailure(ScanError.Kind.PARSE, 0, "binary content, not a text file");
      }
    }
    int start =
        bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ReadFailure(ScanError.Kind.PARSE, 0, "not valid UTF-8 text");
    }
  }

  public SourceLocation at(int line) {
    return line > 0 ? SourceLocation.of(display, line) : new SourceLocation(display, 0, 0, 0);
  }

  public ScanError error(int line, ScanError.Kind kind, String message) {
    return new ScanError(display, line, kind, message);
  }

  /** The folder part of the display name, with its trailing separator; empty at the top. */
  public String folder() {
    int slash = Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\'));
    return slash < 0 ? "" : display.substring(0, slash + 1);
  }

  /** The last segment of the display name. */
  public String fileName() {
    int slash = Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\'));
    return display.substring(slash + 1);
  }
}
