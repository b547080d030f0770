package dev.bulwark.secrets.internal;

import dev.bulwark.core.ScanError;
import dev.bulwark.secrets.ArchiveLimits;
import dev.bulwark.secrets.SecretKind;
import dev.bulwark.secrets.SecretScanResult;
import dev.bulwark.secrets.TextInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The scanner behind {@link dev.bulwark.secrets.SecretScanner}: texts, files, folders and
 * archives. Immutable and thread-safe; every call has its own work buffer.
 */
public final class SecretEngine {

  private static final List<Detector> DETECTORS = List.of(
      new AwsKeys(), new PrivateKeys(), new PrefixTokens(), new SlackWebhooks(), new TwilioKeys(),
      new AzureKeys(), new JsonWebTokens(), new Credentials(), new OpenAiKeys(),
      new GenericSecrets());

  private final TextScanner text;
  private final ArchiveScanner archives;
  private final PathRules paths;
  private final long maxFileBytes;

  /**
   * @param kinds the kinds to report
   * @param clock decides whether a dated token (JWT, SAS) has expired
   * @param maxFileBytes bytes scanned per file or archive entry; the rest is reported as a limit
   * @param limits archive limits
   * @param skipTestFolders skip the contents of {@code testFolders}
   * @param testFolders names of test folders (ignoring case)
   * @param skippedFolders names of folders never walked
   * @param scanArchives open zip archives
   */
  public SecretEngine(Set<SecretKind> kinds, Clock clock, long maxFileBytes, ArchiveLimits limits,
      boolean skipTestFolders, Set<String> testFolders, Set<String> skippedFolders,
      boolean scanArchives) {
    Set<SecretKind> enabled = kinds.isEmpty() ? EnumSet.noneOf(SecretKind.class)
        : EnumSet.copyOf(kinds);
    this.text = new TextScanner(new Settings(enabled, clock), DETECTORS);
    this.paths = new PathRules(skipTestFolders, testFolders, skippedFolders, scanArchives);
    this.maxFileBytes = maxFileBytes;
    this.archives = new ArchiveScanner(text, limits, maxFileBytes, paths);
  }

  /** Scans one text. */
  public SecretScanResult scan(TextInput input) {
    Collector out = new Collector();
    byte[] bytes = input.text().getBytes(StandardCharsets.UTF_8);
    try {
      TextScanner.Result r = text.scan(new ByteArrayInputStream(bytes),
          FileContext.of(input.displayName()), input.resource(), input.firstLine(), Long.MAX_VALUE,
          new byte[Math.min(bytes.length + 1, TextScanner.BUFFER)], input.name());
      if (r.outcome() == TextScanner.Outcome.BINARY) {
        // a NUL in a template value is odd but not binary content: scan it as text anyway
        r = text.scan(new ByteArrayInputStream(bytes.length > 0 ? replaceNul(bytes) : bytes),
            FileContext.of(input.displayName()), input.resource(), input.firstLine(),
            Long.MAX_VALUE, new byte[Math.min(bytes.length + 1, TextScanner.BUFFER)],
            input.name());
      }
      out.add(input.displayName(), r, Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    } catch (RuntimeException | StackOverflowError e) {
      out.error(input.displayName(), ScanError.Kind.INTERNAL, "secret scan failed: " + e);
    }
    return out.result();
  }

  /** Scans a file, a folder (recursively) or an archive, shown under {@code display}. */
  public SecretScanResult scan(Path path, String display) {
    Collector out = new Collector();
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      out.error(display, ScanError.Kind.IO, "no such file or folder");
    } else if (Files.isDirectory(path)) {
      walk(path, display, out);
    } else if (Files.isRegularFile(path)) {
      file(path, display, out);
    } else {
      out.error(display, ScanError.Kind.IO, "not a regular file or folder (broken link, device"
          + " or socket)");
    }
    return out.result();
  }

  private void walk(Path root, String display, Collector out) {
    Path rootNormal = root.toAbsolutePath().normalize();
    String prefix = display.isEmpty() || display.equals(".") ? "" : trimSlash(display) + "/";
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.toAbsolutePath().normalize().equals(rootNormal)) {
                return FileVisitResult.CONTINUE;
              }
              Path name = dir.getFileName();
              return name != null && paths.wantsFolder(name.toString())
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                file(file, prefix + relative(root, file), out);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              out.error(prefix + relative(root, file), ScanError.Kind.IO, describe(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.error(display, ScanError.Kind.IO, describe(e));
    }
  }

  private void file(Path file, String display, Collector out) {
    String name = FileContext.baseName(display);
    boolean archive = PathRules.isArchiveName(name);
    if (archive && !paths.scanArchives()) {
      return;
    }
    if (!archive && PathRules.isBinaryName(name)) {
      out.binary++;
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (archive) {
        archives.scan(in, display, out);
      } else {
        out.add(display, text.scan(in, FileContext.of(display), null, 1, maxFileBytes,
            out.buffer(), null), maxFileBytes);
      }
    } catch (IOException e) {
      out.error(display, ScanError.Kind.IO, describe(e));
    } catch (RuntimeException | StackOverflowError e) {
      out.error(display, ScanError.Kind.INTERNAL, "secret scan failed: " + e);
    }
  }

  private static String relative(Path root, Path file) {
    StringBuilder b = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(part);
    }
    return b.toString();
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") || s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
  }

  private static byte[] replaceNul(byte[] bytes) {
    byte[] copy = bytes.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == 0) {
        copy[i] = ' ';
      }
    }
    return copy;
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
