package dev.bulwark.secrets;

import dev.bulwark.core.RuleMetadata;
import dev.bulwark.secrets.internal.SecretEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds hard-coded secrets in text, files, folders and zip archives. Immutable and thread-safe:
 * build one and share it. Never throws for bad input: unreadable files, binaries, archives over a
 * limit become {@link dev.bulwark.core.ScanError}s (or are skipped, for binaries) and the rest is
 * scanned.
 *
 * <pre>{@code
 * SecretScanner scanner =
 *     SecretScanner.builder()
 *         .maxFileBytes(16L << 20)
 *         .skipTestFolders(false)
 *         .build();
 * SecretScanResult result = scanner.scanPath(Path.of("functions/orders"), "functions/orders");
 * result.findings().forEach(f -> System.out.println(f.location() + " " + f.message()));
 * result.errors().forEach(e -> System.out.println(e));
 * }</pre>
 *
 * <p>What is scanned: every file under a folder except binaries (known extensions, or a NUL byte
 * in the first 8 KiB), folders named in {@link Builder#skipFolders} and, unless turned off, test
 * folders ({@link #DEFAULT_TEST_FOLDERS}); zip archives ({@code .zip}, {@code .jar}, {@code
 * .war}, {@code .whl}, …) entry by entry under {@link ArchiveLimits}. Texts are read in chunks, so
 * memory does not grow with file size.
 */
public final class SecretScanner {

  /** Folders whose contents are test code and fixtures, skipped unless told otherwise. */
  public static final Set<String> DEFAULT_TEST_FOLDERS =
      Set.of("test", "tests", "__tests__", "spec", "fixtures", "testdata");

  /** Folders never walked: dependencies, build output, VCS and tool data. */
  public static final Set<String> DEFAULT_SKIPPED_FOLDERS = Set.of(
      ".git", ".hg", ".svn", "node_modules", "bower_components", ".aws-sam", "cdk.out",
      ".serverless", ".terraform", ".venv", "venv", "__pycache__", ".idea", ".vscode", ".gradle",
      ".mvn", ".tox", ".pytest_cache", ".mypy_cache", ".next", ".cache", "target",
      ".bulwark-cache");

  /** Default most bytes scanned per file: 64 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;

  private final SecretEngine engine;

  private SecretScanner(Builder b) {
    this.engine = new SecretEngine(b.kinds, b.clock, b.maxFileBytes, b.archiveLimits,
        b.skipTestFolders, b.testFolders, b.skippedFolders, b.scanArchives);
  }

  /** A scanner with every rule and the default limits. */
  public static SecretScanner withDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Scans a text that is not a file of its own (inline code, an environment variable value). */
  public SecretScanResult scan(TextInput input) {
    return engine.scan(Objects.requireNonNull(input, "input"));
  }

  /** Scans a file, folder or archive; paths are shown as {@code path.toString()} and below it. */
  public SecretScanResult scanPath(Path path) {
    return scanPath(path, path.toString());
  }

  /**
   * Scans a file, folder or archive, showing it as {@code displayName}: files in a folder appear
   * as {@code displayName/relative/path}, archive entries as {@code displayName!/entry/name}.
   */
  public SecretScanResult scanPath(Path path, String displayName) {
    return engine.scan(Objects.requireNonNull(path, "path"),
        Objects.requireNonNull(displayName, "displayName"));
  }

  /** Builds a {@link SecretScanner}; {@link #build()} leaves the builder unchanged. */
  public static final class Builder {
    private Set<SecretKind> kinds = EnumSet.allOf(SecretKind.class);
    private Clock clock = Clock.systemUTC();
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private ArchiveLimits archiveLimits = ArchiveLimits.defaults();
    private boolean skipTestFolders = true;
    private Set<String> testFolders = DEFAULT_TEST_FOLDERS;
    private Set<String> skippedFolders = DEFAULT_SKIPPED_FOLDERS;
    private boolean scanArchives = true;

    private Builder() {}

    /**
     * Runs only these rules (ids such as {@code SECRET-004}, or {@code SECRET-*}).
     *
     * @throws IllegalArgumentException naming an id that is not a secret rule
     */
    public Builder rules(Collection<String> ruleIds) {
      Set<SecretKind> selected = EnumSet.noneOf(SecretKind.class);
      for (String raw : ruleIds) {
        String id = raw.trim().toUpperCase(Locale.ROOT);
        boolean known = false;
        for (RuleMetadata m : SecretRules.metadata()) {
          boolean match = id.endsWith("*") ? m.id().startsWith(id.substring(0, id.length() - 1))
              : m.answersTo(id);
          if (match) {
            known = true;
            selected.addAll(SecretRules.kinds(m.id()));
          }
        }
        if (!known) {
          throw new IllegalArgumentException(
              "unknown secret rule '" + raw + "' (expected SECRET-001 to "
                  + SecretRules.metadata().get(SecretRules.metadata().size() - 1).id() + ")");
        }
      }
      this.kinds = selected;
      return this;
    }

    /** The clock that decides whether a dated token (JWT {@code exp}, SAS {@code se}) expired. */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * Most bytes scanned per file or archive entry (default 64 MiB); a larger one is scanned up
     * to the limit and reported as a {@code LIMIT} error.
     */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    public Builder archiveLimits(ArchiveLimits limits) {
      this.archiveLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Open zip archives (on by default). */
    public Builder scanArchives(boolean scan) {
      this.scanArchives = scan;
      return this;
    }

    /** Skip the contents of test folders (on by default). */
    public Builder skipTestFolders(boolean skip) {
      this.skipTestFolders = skip;
      return this;
    }

    /** Replaces the names of test folders ({@link #DEFAULT_TEST_FOLDERS}); case is ignored. */
    public Builder testFolders(Collection<String> names) {
      this.testFolders = names(names, "test folder");
      return this;
    }

    /** Replaces the folders never walked ({@link #DEFAULT_SKIPPED_FOLDERS}); exact names. */
    public Builder skipFolders(Collection<String> names) {
      this.skippedFolders = names(names, "skipped folder");
      return this;
    }

    public SecretScanner build() {
      return new SecretScanner(this);
    }

    private static Set<String> names(Collection<String> names, String what) {
      Set<String> out = new LinkedHashSet<>();
      for (String n : names) {
        if (n == null || n.isBlank() || n.contains("/") || n.contains("\\")) {
          throw new IllegalArgumentException(
              what + " must be a plain folder name, was '" + n + "'");
        }
        out.add(n.trim());
      }
      return Set.copyOf(out);
    }
  }
}
