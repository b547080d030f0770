package dev.bulwark.runtime;

/**
 * Size limits on a request body. A body over {@link #maxBodyBytes()} is answered with 413; a
 * JSON body deeper, with longer arrays or longer strings than allowed is answered with 400.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxBodyBytes(64 * 1024).maxDepth(16).build();
 * }</pre>
 */
public final class Limits {

  private static final Limits DEFAULTS = new Builder().build();

  private final long maxBodyBytes;
  private final int maxDepth;
  private final int maxArrayLength;
  private final int maxStringLength;

  private Limits(Builder b) {
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxDepth = b.maxDepth;
    this.maxArrayLength = b.maxArrayLength;
    this.maxStringLength = b.maxStringLength;
  }

  /** 6 MiB body, depth 64, arrays of 100,000, strings of 1 MiB: generous, above real traffic. */
  public static Limits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this instance's values. */
  public Builder toBuilder() {
    return new Builder()
        .maxBodyBytes(maxBodyBytes)
        .maxDepth(maxDepth)
        .maxArrayLength(maxArrayLength)
        .maxStringLength(maxStringLength);
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public int maxArrayLength() {
    return maxArrayLength;
  }

  public int maxStringLength() {
    return maxStringLength;
  }

  @Override
  public String toString() {
    return "Limits[maxBodyBytes=" + maxBodyBytes + ", maxDepth=" + maxDepth + ", maxArrayLength="
        + maxArrayLength + ", maxStringLength=" + maxStringLength + "]";
  }

  /** Builds {@link Limits}; every setter fails fast on a value that is not positive. */
  public static final class Builder {
    private long maxBodyBytes = 6L * 1024 * 1024;
    private int maxDepth = 64;
    private int maxArrayLength = 100_000;
    private int maxStringLength = 1024 * 1024;

    private Builder() {}

    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = positive("maxBodyBytes", bytes);
      return this;
    }

    public Builder maxDepth(int depth) {
      this.maxDepth = (int) positive("maxDepth", depth);
      return this;
    }

    public Builder maxArrayLength(int length) {
      this.maxArrayLength = (int) positive("maxArrayLength", length);
      return this;
    }

    public Builder maxStringLength(int length) {
      this.maxStringLength = (int) positive("maxStringLength", length);
      return this;
    }

    public Limits build() {
      return new Limits(this);
    }

    private static long positive(String name, long v) {
      if (v <= 0) {
        throw new IllegalArgumentException(name + " must be positive, was " + v);
      }
      return v;
    }
  }
}
