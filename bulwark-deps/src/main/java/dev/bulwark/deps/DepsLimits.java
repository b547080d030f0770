package dev.bulwark.deps;

/**
 * Safety limits for reading what a function ships. Going over a limit gives a {@code LIMIT}
 * {@link dev.bulwark.core.ScanError} naming the file; the rest of the input is still read.
 *
 * <pre>{@code
 * DepsLimits limits = DepsLimits.defaults().withMaxArchiveNesting(2);
 * Inventory inventory = InventoryReader.withLimits(limits).read(Path.of("build/function.zip"));
 * }</pre>
 *
 * @param maxFiles most files and archive entries looked at in one {@link InventoryReader#read}
 * @param maxWalkDepth deepest folder level walked below the starting folder
 * @param maxFileBytes largest manifest or lockfile read (on disk or inside an archive)
 * @param maxArchiveEntries most entries in one archive, nested archives counted apart
 * @param maxArchiveBytes most bytes inflated from one top-level archive, nested ones included
 * @param maxCompressionRatio highest ratio of inflated to compressed bytes for one entry larger
 *     than 1 MiB (zip bombs)
 * @param maxArchiveNesting deepest archive inside archives opened (1 = no nested archive)
 */
public record DepsLimits(
    int maxFiles,
    int maxWalkDepth,
    long maxFileBytes,
    int maxArchiveEntries,
    long maxArchiveBytes,
    int maxCompressionRatio,
    int maxArchiveNesting) {

  public DepsLimits {
    positive("maxFiles", maxFiles);
    positive("maxWalkDepth", maxWalkDepth);
    positive("maxFileBytes", maxFileBytes);
    positive("maxArchiveEntries", maxArchiveEntries);
    positive("maxArchiveBytes", maxArchiveBytes);
    positive("maxCompressionRatio", maxCompressionRatio);
    positive("maxArchiveNesting", maxArchiveNesting);
  }

  /**
   * 200,000 files, 64 folder levels, 64 MiB per manifest, 100,000 entries per archive, 2 GiB
   * inflated per archive, ratio 200, 3 archive levels. A Lambda package unzips to at most 250 MB,
   * so real functions stay far below these.
   */
  public static DepsLimits defaults() {
    return new DepsLimits(200_000, 64, 64L << 20, 100_000, 2L << 30, 200, 3);
  }

  public DepsLimits withMaxFiles(int value) {
    return new DepsLimits(
        value, maxWalkDepth, maxFileBytes, maxArchiveEntries, maxArchiveBytes,
        maxCompressionRatio, maxArchiveNesting);
  }

  public DepsLimits withMaxWalkDepth(int value) {
    return new DepsLimits(
        maxFiles, value, maxFileBytes, maxArchiveEntries, maxArchiveBytes,
        maxCompressionRatio, maxArchiveNesting);
  }

  public DepsLimits withMaxFileBytes(long value) {
    return new DepsLimits(
        maxFiles, maxWalkDepth, value, maxArchiveEntries, maxArchiveBytes,
        maxCompressionRatio, maxArchiveNesting);
  }

  public DepsLimits withMaxArchiveEntries(int value) {
    return new DepsLimits(
        maxFiles, maxWalkDepth, maxFileBytes, value, maxArchiveBytes,
        maxCompressionRatio, maxArchiveNesting);
  }

  public DepsLimits withMaxArchiveBytes(long value) {
    return new DepsLimits(
        maxFiles, maxWalkDepth, maxFileBytes, maxArchiveEntries, value,
        maxCompressionRatio, maxArchiveNesting);
  }

  public DepsLimits withMaxCompressionRatio(int value) {
    return new DepsLimits(
        maxFiles, maxWalkDepth, maxFileBytes, maxArchiveEntries, maxArchiveBytes, value,
        maxArchiveNesting);
  }

  public DepsLimits withMaxArchiveNesting(int value) {
    return new DepsLimits(
        maxFiles, maxWalkDepth, maxFileBytes, maxArchiveEntries, maxArchiveBytes,
        maxCompressionRatio, value);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
