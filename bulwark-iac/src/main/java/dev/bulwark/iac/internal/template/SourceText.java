package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turning a file's bytes into text: UTF-8 only, decoded strictly, binary content refused. */
final class SourceText {

  private SourceText() {}

  /** True when {@code bytes} start with the UTF-8 byte order mark. */
  static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /** Index of the first NUL byte among the first {@code limit} bytes, or -1. */
  static int indexOfNul(byte[] bytes, int limit) {
    int n = Math.min(limit, bytes.length);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes {@code bytes} as strict UTF-8 (a leading byte order mark is dropped).
   *
   * @throws ReadFailure a {@code PARSE} error naming the line and byte offset of binary content
   *     or of the first byte sequence that is not UTF-8
   */
  static String decode(byte[] bytes, String file) throws ReadFailure {
    int start = hasBom(bytes) ? 3 : 0;
    int nul = indexOfNul(bytes, bytes.length);
    if (nul >= 0) {
      throw new ReadFailure(
          file,
          lineAt(bytes, start, nul),
          ScanError.Kind.PARSE,
          "binary content (NUL byte at offset " + nul + "), not a text file");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int offset = in.position();
      throw new ReadFailure(
          file,
          lineAt(bytes, start, offset),
          ScanError.Kind.PARSE,
          "not valid UTF-8 (byte 0x"
              + Integer.toHexString(bytes[offset] & 0xFF)
              + " at offset "
              + offset
              + "); save the file as UTF-8");
    }
    out.flip();
    return out.toString();
  }

  /** 1-based line of byte {@code offset}. */
  static int lineAt(byte[] bytes, int from, int offset) {
    int line = 1;
    for (int i = from; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** 1-based line of char {@code index} in {@code text}. */
  static int lineAt(String text, int index) {
    int line = 1;
    int n = Math.min(index, text.length());
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Number of lines of {@code text} (a final line without newline counts). */
  static int lineCount(String text) {
    int lines = 1;
    int i = text.indexOf('\n');
    while (i >= 0 && i + 1 < text.length()) {
      lines++;
      i = text.indexOf('\n', i + 1);
    }
    return lines;
  }
}
