package dev.bulwark.engine.internal;

import dev.bulwark.core.ScanError;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate input files under the paths of a scan. Folders are walked following symbolic
 * links (loops become errors); folders that hold dependencies, build output or VCS data are
 * skipped unless asked for. Files given explicitly are always candidates; files found by walking
 * are candidates when their extension is one templates use.
 */
public final class InputFinder {

  /** Folder names skipped while walking, unless listed in {@code includeDirs}. */
  public static final Set<String> SKIPPED_DIRS =
      Set.of(
          ".git", ".hg", ".svn", "node_modules", ".aws-sam", "cdk.out", ".serverless",
          ".terraform", ".venv", "venv", "__pycache__", ".idea", ".vscode", ".gradle", ".mvn",
          ".tox", ".pytest_cache", ".mypy_cache", ".next", ".cache", ".bulwark");

  private static final Set<String> EXTENSIONS =
      Set.of("yaml", "yml", "json", "template", "cfn", "txt");

  /** One candidate file. */
  public record Candidate(Path path, String display, boolean explicit) {}

  /** Candidates and the problems met while walking. */
  public record Found(List<Candidate> candidates, List<ScanError> errors) {}

  private final Set<String> includeDirs;
  private final Path workingDirectory;

  public InputFinder(Set<String> includeDirs, Path workingDirectory) {
    this.includeDirs = includeDirs;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  public Found find(List<Path> roots) {
    Map<Path, Candidate> out = new LinkedHashMap<>();
    List<ScanError> errors = new ArrayList<>();
    for (Path root : roots) {
      String rootDisplay = display(root);
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        errors.add(new ScanError(rootDisplay, 0, ScanError.Kind.IO, "no such file or folder"));
        continue;
      }
      if (Files.isRegularFile(root)) {
        addCandidate(out, root, true, errors);
        continue;
      }
      if (!Files.isDirectory(root)) {
        errors.add(new ScanError(rootDisplay, 0, ScanError.Kind.IO,
            "not a regular file or folder (broken link, device or socket)"));
        continue;
      }
      walk(root, out, errors);
    }
    return new Found(List.copyOf(out.values()), errors);
  }

  private void walk(Path root, Map<Path, Candidate> out, List<ScanError> errors) {
    Path rootReal = root.toAbsolutePath().normalize();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.toAbsolutePath().normalize().equals(rootReal)) {
                return FileVisitResult.CONTINUE;
              }
              String name = dir.getFileName().toString();
              if (SKIPPED_DIRS.contains(name) && !includeDirs.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              // CDK asset folders hold bundled code, never templates
              if (name.startsWith("asset.") && dir.getParent() != null
                  && Files.exists(dir.getParent().resolve("manifest.json"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && hasTemplateExtension(file)) {
                addCandidate(out, file, false, errors);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              errors.add(new ScanError(display(file), 0, ScanError.Kind.IO, describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      errors.add(new ScanError(display(root), 0, ScanError.Kind.IO, describe(e)));
    }
  }

  private void addCandidate(Map<Path, Candidate> out, Path file, boolean explicit,
      List<ScanError> errors) {
    Path key;
    try {
      key = file.toRealPath();
    } catch (IOException e) {
      errors.add(new ScanError(display(file), 0, ScanError.Kind.IO, describe(e)));
      return;
    }
    out.putIfAbsent(key, new Candidate(file, display(file), explicit));
  }

  static boolean hasTemplateExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** The path as shown to the user: relative to the working directory when under it. */
  public String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path shown = abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs) : abs;
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  /** A short, human description of an I/O failure (no stack trace, no exception class noise). */
  public static String describe(IOException e) {
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file (broken symbolic link?)";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
