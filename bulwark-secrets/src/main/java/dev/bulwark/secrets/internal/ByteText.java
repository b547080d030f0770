package dev.bulwark.secrets.internal;

import java.nio.charset.StandardCharsets;

/** A window of bytes seen as ISO-8859-1 characters, so RE2J can match without a copy. */
final class ByteText implements CharSequence {

  private final byte[] buf;
  private final int from;
  private final int to;

  ByteText(byte[] buf, int from, int to) {
    this.buf = buf;
    this.from = from;
    this.to = to;
  }

  @Override
  public int length() {
    return to - from;
  }

  @Override
  public char charAt(int index) {
    return (char) (buf[from + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new ByteText(buf, from + start, from + end);
  }

  @Override
  public String toString() {
    return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
