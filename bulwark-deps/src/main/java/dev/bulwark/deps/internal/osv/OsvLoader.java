package dev.bulwark.deps.internal.osv;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Loads OSV advisories from a folder tree of {@code *.json} documents and {@code *.zip} archives
 * of them (OSV's per-ecosystem {@code all.zip}), within the limits: each document's size, each
 * archive's entry count and total uncompressed size. A bad file becomes a {@link ScanError} naming
 * it; the rest loads. When two files carry the same id, the most recently modified one wins.
 */
public final class OsvLoader {

  /** What was loaded. */
  public record Result(List<Advisory> advisories, List<ScanError> errors, int documents) {}

  private final VulnerabilityDatabase.Limits limits;
  private final OsvReader reader;
  private final Map<String, Advisory> byId = new LinkedHashMap<>();
  private final List<ScanError> errors = new ArrayList<>();
  private int documents;

  public OsvLoader(VulnerabilityDatabase.Limits limits) {
    this.limits = limits;
    this.reader = new OsvReader(limits);
  }

  /** Loads every {@code .json} and {@code .zip} file under {@code root} (symbolic links not followed). */
  public OsvLoader addTree(Path root) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          if (attrs.isRegularFile() && name.endsWith(".json")) {
            addJson(file, attrs.size());
          } else if (attrs.isRegularFile() && name.endsWith(".zip")) {
            addZip(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          errors.add(new ScanError(file.toString(), 0, ScanError.Kind.IO, describe(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      errors.add(new ScanError(root.toString(), 0, ScanError.Kind.IO, describe(e)));
    }
    return this;
  }

  private void addJson(Path file, long size) {
    String shown = file.toString();
    if (size > limits.maxFileBytes()) {
      errors.add(tooBig(shown, size));
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      add(reader.read(new Bounded(in, limits.maxFileBytes()), shown));
    } catch (OsvException e) {
      errors.add(e.toError(shown));
    } catch (IOException e) {
      errors.add(new ScanError(shown, 0, ScanError.Kind.IO, describe(e)));
    }
  }

  /** Loads the {@code .json} entries of one archive. */
  public OsvLoader addZip(Path zip) {
    String shown = zip.toString();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      if (z.size() > limits.maxArchiveEntries()) {
        errors.add(new ScanError(shown, 0, ScanError.Kind.LIMIT, "archive has " + z.size()
            + " entries, over the limit of " + limits.maxArchiveEntries() + "; not read"));
        return this;
      }
      long total = 0;
      Enumeration<? extends ZipEntry> entries = z.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
          continue;
        }
        String entryShown = shown + "!/" + e.getName();
        if (e.getSize() > limits.maxFileBytes()) {
          errors.add(tooBig(entryShown, e.getSize()));
          continue;
        }
        long budget = limits.maxArchiveBytes() - total;
        boolean archiveBound = budget < limits.maxFileBytes();
        try (InputStream raw = z.getInputStream(e)) {
          Bounded in = new Bounded(raw, Math.min(budget, limits.maxFileBytes()));
          try {
            add(reader.read(in, entryShown));
          } finally {
            total += in.count;
          }
        } catch (OsvException x) {
          if (archiveBound && total > limits.maxArchiveBytes()) {
            errors.add(new ScanError(shown, 0, ScanError.Kind.LIMIT, "archive expands to more"
                + " than " + limits.maxArchiveBytes() + " bytes; the rest of it was not read"));
            break;
          }
          errors.add(x.toError(entryShown));
        } catch (ZipException x) {
          errors.add(new ScanError(entryShown, 0, ScanError.Kind.PARSE,
              "corrupt archive entry: " + x.getMessage()));
        }
      }
    } catch (ZipException e) {
      errors.add(new ScanError(shown, 0, ScanError.Kind.PARSE,
          "not a readable zip archive: " + e.getMessage()));
    } catch (IOException e) {
      errors.add(new ScanError(shown, 0, ScanError.Kind.IO, describe(e)));
    }
    return this;
  }

  /** Adds one advisory read elsewhere; duplicates keep the most recently modified. */
  public void add(Advisory a) {
    documents++;
    Advisory old = byId.get(a.id());
    if (old == null || a.modified().isAfter(old.modified())) {
      byId.put(a.id(), a);
    }
  }

  public Result result() {
    return new Result(List.copyOf(byId.values()), List.copyOf(errors), documents);
  }

  private ScanError tooBig(String shown, long size) {
    return new ScanError(shown, 0, ScanError.Kind.LIMIT, "advisory document of " + size
        + " bytes is over the limit of " + limits.maxFileBytes() + " bytes; skipped");
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Fails a read past {@code max} bytes (archives may lie about entry sizes). */
  static final class Bounded extends FilterInputStream {
    private final long max;
    long count;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        check(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        check(n);
      }
      return n;
    }

    private void check(int n) throws IOException {
      count += n;
      if (count > max) {
        throw new LimitExceeded("document is longer than the limit of " + max + " bytes");
      }
    }
  }

  /** A read past a limit; reported as a {@link ScanError.Kind#LIMIT} error. */
  static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }
}
