package dev.bulwark.engine;

import dev.bulwark.core.Severity;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.rules.RuleSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to scan and how. Immutable; build with {@link #builder()}.
 *
 * @param paths files and folders to scan
 * @param parameters template parameter overrides (and pseudo parameters)
 * @param settings rule settings (as-of date, trusted accounts, owner tag)
 * @param onlyRules when non-empty, run only these rules (ids, aliases or {@code PREFIX-*} globs),
 *     including rules that are off by default
 * @param skipRules rules not to run (ids, aliases or globs)
 * @param allRules run rules that are off by default too (the {@code all} profile)
 * @param minSeverity findings below this are not reported
 * @param includeDirs folder names normally skipped that should be walked ({@code cdk.out},
 *     {@code node_modules}, {@code .aws-sam})
 * @param baseline fingerprints in this file are reported as suppressed
 * @param limits safety limits for reading inputs
 * @param threads worker threads (at least 1)
 * @param workingDirectory paths are displayed relative to this folder when under it
 * @param dependencies read what each function ships and match it against advisory data
 * @param secrets look for hard-coded secrets in templates and in each function's code
 * @param advisoryFolders folders of OSV advisories ({@code --db DIR}); when empty, the download
 *     cache is used
 * @param advisoryCache the cache {@code bulwark db update} fills (null: do not use one)
 */
public record ScanRequest(
    List<Path> paths,
    Map<String, String> parameters,
    RuleSettings settings,
    Set<String> onlyRules,
    Set<String> skipRules,
    boolean allRules,
    Severity minSeverity,
    Set<String> includeDirs,
    @Nullable Path baseline,
    IacOptions.Limits limits,
    int threads,
    Path workingDirectory,
    boolean dependencies,
    boolean secrets,
    List<Path> advisoryFolders,
    @Nullable Path advisoryCache) {

  public ScanRequest {
    paths = List.copyOf(paths);
    parameters = Map.copyOf(parameters);
    onlyRules = Set.copyOf(onlyRules);
    skipRules = Set.copyOf(skipRules);
    includeDirs = Set.copyOf(includeDirs);
    advisoryFolders = List.copyOf(advisoryFolders);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(minSeverity, "minSeverity");
    Objects.requireNonNull(limits, "limits");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; {@link #build()} leaves it unchanged. */
  public static final class Builder {
    private final List<Path> paths = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private RuleSettings settings = RuleSettings.defaults();
    private final Set<String> onlyRules = new LinkedHashSet<>();
    private final Set<String> skipRules = new LinkedHashSet<>();
    private boolean allRules;
    private Severity minSeverity = Severity.INFO;
    private final Set<String> includeDirs = new LinkedHashSet<>();
    private @Nullable Path baseline;
    private IacOptions.Limits limits = IacOptions.Limits.defaults();
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private boolean dependencies = true;
    private boolean secrets = true;
    private final List<Path> advisoryFolders = new ArrayList<>();
    private @Nullable Path advisoryCache;

    private Builder() {}

    /** Turns the dependency pillar on or off (on by default). */
    public Builder dependencies(boolean on) {
      this.dependencies = on;
      return this;
    }

    /** Turns the secrets pillar on or off (on by default). */
    public Builder secrets(boolean on) {
      this.secrets = on;
      return this;
    }

    /** Adds a folder of OSV advisories; when any is given, the download cache is not used. */
    public Builder advisoryFolder(Path folder) {
      advisoryFolders.add(folder);
      return this;
    }

    /** The download cache to read advisories from when no folder is given (null: none). */
    public Builder advisoryCache(@Nullable Path folder) {
      this.advisoryCache = folder;
      return this;
    }

    public Builder path(Path p) {
      paths.add(p);
      return this;
    }

    public Builder paths(List<Path> ps) {
      paths.addAll(ps);
      return this;
    }

    public Builder parameters(Map<String, String> p) {
      parameters.putAll(p);
      return this;
    }

    public Builder settings(RuleSettings s) {
      this.settings = s;
      return this;
    }

    public Builder onlyRules(Set<String> ids) {
      onlyRules.addAll(ids);
      return this;
    }

    public Builder skipRules(Set<String> ids) {
      skipRules.addAll(ids);
      return this;
    }

    public Builder allRules(boolean all) {
      this.allRules = all;
      return this;
    }

    public Builder minSeverity(Severity s) {
      this.minSeverity = s;
      return this;
    }

    public Builder includeDirs(Set<String> names) {
      includeDirs.addAll(names);
      return this;
    }

    public Builder baseline(@Nullable Path file) {
      this.baseline = file;
      return this;
    }

    public Builder limits(IacOptions.Limits l) {
      this.limits = l;
      return this;
    }

    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    public Builder workingDirectory(Path dir) {
      this.workingDirectory = dir.toAbsolutePath();
      return this;
    }

    public ScanRequest build() {
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("nothing to scan: give at least one file or folder");
      }
      return new ScanRequest(paths, parameters, settings, onlyRules, skipRules, allRules,
          minSeverity, includeDirs, baseline, limits, threads, workingDirectory, dependencies,
          secrets, advisoryFolders, advisoryCache);
    }
  }
}
