package dev.bulwark.secrets;

/**
 * Safety limits for zip archives (deployment packages, layers, jars). An archive over a limit
 * becomes a {@code LIMIT} scan error and the rest of the archive is not read; everything found
 * before stays in the result and the other inputs are still scanned.
 *
 * <pre>{@code
 * ArchiveLimits strict = ArchiveLimits.defaults().withMaxTotalBytes(64L << 20).withMaxDepth(1);
 * }</pre>
 *
 * @param maxEntries most entries read from one archive, nested ones included
 * @param maxTotalBytes most uncompressed bytes read from one archive, nested ones included (a
 *     Lambda deployment package may unpack to at most 250 MB)
 * @param maxRatio largest uncompressed-to-compressed ratio of an entry once it passes {@code
 *     ratioThresholdBytes}
 * @param ratioThresholdBytes uncompressed size from which the ratio is checked (small files
 *     compress well and are harmless)
 * @param maxDepth how deep archives nest (1: archives inside the archive are not opened)
 */
public record ArchiveLimits(
    int maxEntries, long maxTotalBytes, int maxRatio, long ratioThresholdBytes, int maxDepth) {

  public ArchiveLimits {
    positive("maxEntries", maxEntries);
    positive("maxTotalBytes", maxTotalBytes);
    positive("maxRatio", maxRatio);
    positive("ratioThresholdBytes", ratioThresholdBytes);
    positive("maxDepth", maxDepth);
  }

  /** 100,000 entries, 512 MiB, ratio 100 above 1 MiB, three levels. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(100_000, 512L << 20, 100, 1L << 20, 3);
  }

  public ArchiveLimits withMaxEntries(int n) {
    return new ArchiveLimits(n, maxTotalBytes, maxRatio, ratioThresholdBytes, maxDepth);
  }

  public ArchiveLimits withMaxTotalBytes(long n) {
    return new ArchiveLimits(maxEntries, n, maxRatio, ratioThresholdBytes, maxDepth);
  }

  public ArchiveLimits withMaxRatio(int ratio, long thresholdBytes) {
    return new ArchiveLimits(maxEntries, maxTotalBytes, ratio, thresholdBytes, maxDepth);
  }

  public ArchiveLimits withMaxDepth(int depth) {
    return new ArchiveLimits(maxEntries, maxTotalBytes, maxRatio, ratioThresholdBytes, depth);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
