package dev.bulwark.runtime.internal.decode;

/** Shape of a JSON body, measured while decoding it, for the validation limits. */
public final class BodyStats {
  int depth;
  int maxArrayLength;
  int maxStringLength;

  public int depth() {
    return depth;
  }

  public int maxArrayLength() {
    return maxArrayLength;
  }

  public int maxStringLength() {
    return maxStringLength;
  }
}
