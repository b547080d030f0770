package dev.bulwark.secrets.internal;

/** Byte counts for messages. */
final class Sizes {

  private Sizes() {}

  /** {@code 64 MiB}, {@code 512 KiB}, {@code 300 bytes}. */
  static String format(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + " GiB";
    }
    if (bytes >= 1L << 20) {
      return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB"
          : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return bytes % (1L << 10) == 0 ? (bytes >> 10) + " KiB"
          : String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }
}
