package dev.bulwark.secrets.internal;

import dev.bulwark.core.ScanError;
import dev.bulwark.secrets.ArchiveLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Scans zip archives (deployment packages, layers, jars, wheels) entry by entry as a stream,
 * never extracting and never holding an entry in memory, opening nested archives up to a depth.
 * Every byte inflated counts against the limits, at every level, including entries that are
 * skipped; an entry whose inflated size races ahead of its compressed size stops the archive (a
 * zip bomb), as do too many entries or too many bytes in all. Entry names that would escape an
 * extraction folder ({@code ../}, absolute paths) are reported and skipped.
 */
final class ArchiveScanner {

  private final TextScanner text;
  private final ArchiveLimits limits;
  private final long maxFileBytes;
  private final PathRules paths;

  ArchiveScanner(TextScanner text, ArchiveLimits limits, long maxFileBytes, PathRules paths) {
    this.text = text;
    this.limits = limits;
    this.maxFileBytes = maxFileBytes;
    this.paths = paths;
  }

  /** A limit was hit; the archive it names is not read further. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  /** Counts shared by one top-level archive and everything nested in it. */
  private static final class Budget {
    int entries;
    long bytes;
  }

  /** Scans the archive read from {@code in}, shown as {@code display}. */
  void scan(InputStream in, String display, Collector out) {
    Budget budget = new Budget();
    try {
      scan(in, display, 1, budget, out);
    } catch (LimitExceeded e) {
      out.error(display, ScanError.Kind.LIMIT, e.getMessage());
    } catch (IOException e) {
      out.error(display, ScanError.Kind.IO, "cannot read the archive: " + describe(e));
    }
  }

  private void scan(InputStream in, String display, int depth, Budget budget, Collector out)
      throws IOException {
    Counting raw = new Counting(in);
    ZipInputStream zip = new ZipInputStream(raw);
    int entries = 0;
    while (true) {
      ZipEntry entry;
      try {
        entry = zip.getNextEntry();
      } catch (ZipException | IllegalArgumentException e) {
        out.error(display, ScanError.Kind.PARSE, (entries == 0 ? "not a readable zip archive: "
            : "the archive is damaged after " + entries + " entries: ") + describe(e));
        return;
      }
      if (entry == null) {
        if (entries == 0 && !raw.emptyArchive()) {
          out.error(display, ScanError.Kind.PARSE, "not a zip archive (no entries found)");
        }
        return;
      }
      entries++;
      if (++budget.entries > limits.maxEntries()) {
        throw new LimitExceeded("more than " + limits.maxEntries()
            + " entries; the rest of the archive was not scanned");
      }
      String name = entry.getName();
      String entryDisplay = display + "!/" + PathRules.printable(name);
      Entry data = new Entry(zip, raw, budget, entryDisplay);
      try {
        if (PathRules.escapes(name)) {
          out.error(entryDisplay, ScanError.Kind.INVALID,
              "entry name escapes the archive (absolute path or '..'); skipped");
        } else if (!entry.isDirectory() && paths.wantsArchiveEntry(name)) {
          entry(data, name, entryDisplay, depth, budget, out);
        }
        data.drain();
      } catch (LimitExceeded e) {
        throw e;
      } catch (IOException e) {
        out.error(entryDisplay, ScanError.Kind.PARSE, "cannot inflate the entry: " + describe(e));
        return;
      }
    }
  }

  private void entry(Entry data, String name, String display, int depth, Budget budget,
      Collector out) throws IOException {
    if (PathRules.isArchiveName(name)) {
      if (depth >= limits.maxDepth()) {
        out.error(display, ScanError.Kind.LIMIT, "archive nested deeper than "
            + limits.maxDepth() + (limits.maxDepth() == 1 ? " level" : " levels")
            + "; not opened");
        return;
      }
      scan(data, display, depth + 1, budget, out);
      return;
    }
    if (PathRules.isBinaryName(name)) {
      out.binary++;
      return;
    }
    TextScanner.Result r = text.scan(data, FileContext.of(display), null, 1, maxFileBytes,
        out.buffer(), null);
    out.add(display, r, maxFileBytes);
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Counts the bytes read from the stream below a zip reader (its compressed input). */
  private static final class Counting extends FilterInputStream {
    long count;
    private final byte[] head = new byte[4];

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        remember((byte) b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = 0; i < n && count + i < head.length; i++) {
        head[(int) count + i] = b[off + i];
      }
      if (n > 0) {
        count += n;
      }
      return n;
    }

    private void remember(byte b) {
      if (count < head.length) {
        head[(int) count] = b;
      }
    }

    /** The stream began with an end-of-central-directory record: a valid archive, empty. */
    boolean emptyArchive() {
      return count >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6;
    }

    @Override
    public void close() {
      // the stream belongs to the caller
    }
  }

  /** The inflated bytes of one entry, checked against the limits as they are read. */
  private final class Entry extends InputStream {
    private final ZipInputStream zip;
    private final Counting raw;
    private final Budget budget;
    private final String display;
    private final long rawAtStart;
    private long inflated;

    Entry(ZipInputStream zip, Counting raw, Budget budget, String display) {
      this.zip = zip;
      this.raw = raw;
      this.budget = budget;
      this.display = display;
      this.rawAtStart = raw.count;
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
        budget.bytes += n;
        check();
      }
      return n;
    }

    private void check() throws LimitExceeded {
      if (budget.bytes > limits.maxTotalBytes()) {
        throw new LimitExceeded("more than " + Sizes.format(limits.maxTotalBytes())
            + " uncompressed (at " + display + "); the rest of the archive was not scanned");
      }
      if (inflated > limits.ratioThresholdBytes()) {
        long compressed = Math.max(1, raw.count - rawAtStart);
        if (inflated / compressed > limits.maxRatio()) {
          throw new LimitExceeded(display + " inflates more than " + limits.maxRatio()
              + " times its compressed size (a zip bomb?); the rest of the archive was not"
              + " scanned");
        }
      }
    }

    /** Reads the rest of the entry (the zip reader would otherwise inflate it unchecked). */
    void drain() throws IOException {
      byte[] skip = new byte[8192];
      while (read(skip, 0, skip.length) >= 0) {
        // counted and checked by read
      }
    }

    @Override
    public void close() {
      // the zip reader moves to the next entry itself
    }
  }
}
