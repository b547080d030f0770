package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.DepsLimits;
import dev.bulwark.deps.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a folder, an archive or one manifest into an {@link Inventory}. A folder is walked once
 * (symbolic links not followed, {@link DepsLimits} enforced), skipping version-control, IDE,
 * cache and virtual-environment folders and build outputs that copy the sources ({@code
 * .aws-sam}, {@code .serverless}, {@code cdk.out}). A {@code node_modules} folder is walked only
 * when the project beside it has no npm, pnpm or Yarn lockfile, and then through its hidden
 * {@code .package-lock.json} when npm left one. Every file is read at most once.
 */
public final class FolderReader {

  static final Set<String> SKIPPED_FOLDERS =
      Set.of(
          ".aws-sam", ".cache", ".git", ".gradle", ".hg", ".idea", ".mypy_cache", ".nox",
          ".pytest_cache", ".ruff_cache", ".serverless", ".svn", ".terraform", ".tox", ".venv",
          ".vscode", "__pycache__", "cdk.out", "venv");

  private static final String[] NPM_LOCKFILES = {
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"
  };

  private final DepsLimits limits;
  private final BiConsumer<Collector, Candidate> archiveReader;

  /** A file the walk found, with its format. */
  public record Candidate(Path path, String relPath, String display, Format format, long size) {}

  /**
   * @param archiveReader reads one archive candidate into the collector ({@code internal.artifacts})
   */
  public FolderReader(DepsLimits limits, BiConsumer<Collector, Candidate> archiveReader) {
    this.limits = limits;
    this.archiveReader = archiveReader;
  }

  public Inventory read(Path input, String shownAs) {
    Collector out = new Collector(limits);
    String normalized = Paths2.normalize(shownAs);
    String display = normalized.isEmpty() && !shownAs.isEmpty() && !Files.isDirectory(input)
        ? shownAs : normalized;
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(input, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      out.error(new ScanError(display, 0, ScanError.Kind.IO, "no such file or folder"));
      return out.inventory();
    } catch (IOException e) {
      out.error(new ScanError(display, 0, ScanError.Kind.IO, "cannot read: " + e.getMessage()));
      return out.inventory();
    }
    if (attrs.isDirectory()) {
      readFolder(input, display, out);
    } else {
      readFile(input, display, attrs.size(), out);
    }
    return out.inventory();
  }

  private void readFile(Path file, String display, long size, Collector out) {
    String name = file.getFileName() == null ? display : file.getFileName().toString();
    Format format = Detection.detect(name);
    if (format == null && looksLikeZip(file)) {
      format = Format.ARCHIVE;
    }
    if (format == null) {
      out.error(new ScanError(display, 0, ScanError.Kind.INVALID,
          "not a manifest, lockfile or archive that Bulwark reads"));
      return;
    }
    Candidate c = new Candidate(file, name, display, format, size);
    if (format == Format.ARCHIVE) {
      out.countFile(display);
      archiveReader.accept(out, c);
      return;
    }
    Path base = file.toAbsolutePath().getParent();
    String folder = new SourceFile(display, new byte[0]).folder();
    FilesContext context = new FilesContext(new HashMap<>(), limits,
        joined -> fromDisk(base, folder, joined));
    parseCandidate(c, context, out);
  }

  private void readFolder(Path root, String display, Collector out) {
    List<Candidate> found = walk(root, display, out);
    Map<String, Candidate> byRel = new TreeMap<>();
    found.forEach(c -> byRel.put(c.relPath, c));
    Set<String> skipped = Collector.skipped(byRel.keySet(), rel -> byRel.get(rel).format);
    String prefix = display.isEmpty() || display.endsWith("/") ? display : display + "/";
    FilesContext context = new FilesContext(new HashMap<>(), limits,
        joined -> joined.startsWith(prefix) || prefix.isEmpty()
            ? fromDisk(root, prefix, joined)
            : null);
    for (Candidate c : byRel.values()) {
      if (skipped.contains(c.relPath)) {
        continue;
      }
      if (c.format == Format.ARCHIVE) {
        archiveReader.accept(out, c);
      } else {
        parseCandidate(c, context, out);
      }
    }
  }

  private void parseCandidate(Candidate c, FilesContext context, Collector out) {
    SourceFile f = context.get(c.display);
    if (f == null) {
      if (c.size > limits.maxFileBytes()) {
        out.error(new ScanError(c.display, 0, ScanError.Kind.LIMIT,
            "larger than " + limits.maxFileBytes() + " bytes (" + c.size + "); not read"));
      } else {
        out.error(new ScanError(c.display, 0, ScanError.Kind.IO, "cannot read"));
      }
      return;
    }
    out.read(c.display, Collector.parse(f, c.format, context));
  }

  /**
   * The file shown as {@code joined}, read from under {@code root} ({@code prefix} is the display
   * name of {@code root} with its separator); null when it is outside, not a regular file, too
   * big or unreadable.
   */
  private @Nullable SourceFile fromDisk(Path root, String prefix, String joined) {
    if (!joined.startsWith(prefix)) {
      return null;
    }
    String rel = joined.substring(prefix.length());
    Path base = root.toAbsolutePath().normalize();
    Path p = base.resolve(rel).normalize();
    if (!p.startsWith(base)) {
      return null;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile() || a.size() > limits.maxFileBytes()) {
        return null;
      }
      try (InputStream in = Files.newInputStream(p)) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        return bytes.length > limits.maxFileBytes() ? null : new SourceFile(joined, bytes);
      }
    } catch (IOException e) {
      return null;
    }
  }

  private List<Candidate> walk(Path root, String display, Collector out) {
    List<Candidate> found = new ArrayList<>();
    String prefix = display.isEmpty() || display.endsWith("/") ? display : display + "/";
    boolean[] depthReported = {false};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          String rel = relative(root, dir);
          String name = dir.getFileName().toString();
          if (SKIPPED_FOLDERS.contains(name)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (!out.countFile(prefix + rel)) {
            return FileVisitResult.TERMINATE;
          }
          if (depthOf(rel) > limits.maxWalkDepth()) {
            if (!depthReported[0]) {
              depthReported[0] = true;
              out.error(new ScanError(prefix + rel, 0, ScanError.Kind.LIMIT,
                  "folders nested deeper than " + limits.maxWalkDepth() + " levels were not read"));
            }
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (name.equals("node_modules")) {
            Path project = dir.getParent();
            for (String lock : NPM_LOCKFILES) {
              if (Files.isRegularFile(project.resolve(lock), LinkOption.NOFOLLOW_LINKS)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
            }
            Path hidden = dir.resolve(".package-lock.json");
            if (Files.isRegularFile(hidden, LinkOption.NOFOLLOW_LINKS)) {
              addFile(hidden, sizeOf(hidden));
              return FileVisitResult.SKIP_SUBTREE;
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          if (!out.countFile(prefix + relative(root, file))) {
            return FileVisitResult.TERMINATE;
          }
          addFile(file, attrs.size());
          return FileVisitResult.CONTINUE;
        }

        private void addFile(Path file, long size) {
          String rel = relative(root, file);
          Format f = Detection.detect(rel);
          if (f != null) {
            found.add(new Candidate(file, rel, prefix + rel, f, size));
          }
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
          out.error(new ScanError(prefix + relative(root, file), 0, ScanError.Kind.IO, "cannot read: " + why));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      out.error(new ScanError(display, 0, ScanError.Kind.IO, "cannot walk: " + e.getMessage()));
    }
    return found;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static int depthOf(String rel) {
    int d = 1;
    for (int i = 0; i < rel.length(); i++) {
      if (rel.charAt(i) == '/') {
        d++;
      }
    }
    return d;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static boolean looksLikeZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] sig = in.readNBytes(4);
      return sig.length == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
    } catch (IOException e) {
      return false;
    }
  }
}
