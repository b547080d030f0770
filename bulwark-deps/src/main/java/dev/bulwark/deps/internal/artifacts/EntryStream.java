package dev.bulwark.deps.internal.artifacts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * The inflated bytes of the current zip entry, checked as they are read: the archive's byte
 * budget and the entry's compression ratio. Closing it does not close the archive.
 */
final class EntryStream extends InputStream {
  /** Entries smaller than this are never judged by ratio (headers and buffers skew small ones). */
  static final long RATIO_FLOOR = 1L << 20;

  private final ZipInputStream zip;
  private final Budget budget;
  private final CountingInputStream compressed;
  private final long compressedStart;
  private final int maxRatio;
  private final String where;
  private long inflated;

  EntryStream(
      ZipInputStream zip, Budget budget, CountingInputStream compressed, int maxRatio, String where) {
    this.zip = zip;
    this.budget = budget;
    this.compressed = compressed;
    this.compressedStart = compressed.count();
    this.maxRatio = maxRatio;
    this.where = where;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = zip.read(b, off, len);
    if (n > 0) {
      inflated += n;
      budget.spend(n);
      long packed = Math.max(1, compressed.count() - compressedStart);
      if (inflated > RATIO_FLOOR && inflated > packed * maxRatio) {
        throw new ArchiveLimitException(
            where + " inflates more than " + maxRatio + " times its compressed size (zip bomb?)");
      }
    }
    return n;
  }

  /** Reads the rest of the entry, checking limits, and discards it. */
  void drain() throws IOException {
    byte[] buf = new byte[16384];
    while (read(buf, 0, buf.length) >= 0) {
      // discard
    }
  }

  /** The rest of the entry, or null (the rest drained) when it is longer than {@code max}. */
  byte @org.jspecify.annotations.Nullable [] readAtMost(long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    int n;
    while ((n = read(buf, 0, buf.length)) >= 0) {
      if (out.size() + (long) n > max) {
        drain();
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    // the archive stays open for the next entry
  }

  /** Bytes inflated for the whole top-level archive, nested archives included. */
  static final class Budget {
    private final long max;
    private long spent;
    private boolean reported;

    Budget(long max) {
      this.max = max;
    }

    /** True the first time a limit error is reported for this archive tree. */
    boolean reportOnce() {
      if (reported) {
        return false;
      }
      reported = true;
      return true;
    }

    void spend(long n) throws ArchiveLimitException {
      spent += n;
      if (spent > max) {
        throw new ArchiveLimitException("inflates to more than " + max + " bytes");
      }
    }
  }
}
