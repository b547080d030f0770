package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.DepsLimits;
import dev.bulwark.deps.Inventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@code InventoryReader.read} call gathers: components, errors, the files read, and
 * the file budget shared by the folder walk and every archive in it.
 */
public final class Collector {
  private final DepsLimits limits;
  private final ComponentSet components = new ComponentSet();
  private final List<ScanError> errors = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private int filesSeen;
  private boolean filesLimitReported;

  public Collector(DepsLimits limits) {
    this.limits = limits;
  }

  public DepsLimits limits() {
    return limits;
  }

  /**
   * Counts one file or archive entry against {@link DepsLimits#maxFiles()}; false (with one
   * error for the whole read) when the budget is spent.
   */
  public boolean countFile(String where) {
    if (++filesSeen <= limits.maxFiles()) {
      return true;
    }
    if (!filesLimitReported) {
      filesLimitReported = true;
      errors.add(new ScanError(where, 0, ScanError.Kind.LIMIT,
          "more than " + limits.maxFiles() + " files: the rest was not read"));
    }
    return false;
  }

  public boolean filesExhausted() {
    return filesSeen > limits.maxFiles();
  }

  public void read(String display, ReadResult result) {
    files.add(display);
    components.addAll(result.components());
    errors.addAll(result.errors());
  }

  public void file(String display) {
    files.add(display);
  }

  public void error(ScanError e) {
    errors.add(e);
  }

  public Inventory inventory() {
    return new Inventory(components.components(), errors, files);
  }

  /** Parses one file with its format's parser; a parser bug becomes an INTERNAL error. */
  public static ReadResult parse(SourceFile file, Format format, ReadContext context) {
    ManifestParser parser = format.parser();
    if (parser == null) {
      return new ReadResult(List.of(), List.of());
    }
    try {
      return parser.parse(file, context);
    } catch (RuntimeException | StackOverflowError e) {
      return ReadResult.failed(file.error(0, ScanError.Kind.INTERNAL,
          "could not read this " + format.description() + " (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * The relative paths not to parse among {@code paths} with their formats: a {@code
   * package.json} whose folder has an npm, pnpm or Yarn lockfile (the lockfile says more), and
   * companions read through another file ({@code go.sum}).
   */
  public static Set<String> skipped(Collection<String> paths, java.util.function.Function<String, Format> formatOf) {
    Set<String> lockedFolders = new HashSet<>();
    for (String p : paths) {
      if (formatOf.apply(p).isNpmLockfile() && !p.contains("node_modules/")) {
        lockedFolders.add(folderOf(p));
      }
    }
    Set<String> out = new HashSet<>();
    for (String p : paths) {
      Format f = formatOf.apply(p);
      if (f == Format.GO_SUM || f == Format.NPM_MANIFEST && lockedFolders.contains(folderOf(p))) {
        out.add(p);
      }
    }
    return out;
  }

  static String folderOf(String relPath) {
    int slash = relPath.lastIndexOf('/');
    return slash < 0 ? "" : relPath.substring(0, slash);
  }
}
