package dev.bulwark.cli;

import dev.bulwark.deps.AdvisoryCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where advisory data comes from: {@code --db} folders or the download cache. */
public final class AdvisoryOptions {

  @Option(
      names = "--db",
      paramLabel = "<dir>",
      description =
          "A folder of OSV advisories (JSON files or per-ecosystem all.zip archives); repeatable."
              + " When given, the download cache is not used.")
  List<Path> folders = new ArrayList<>();

  @Option(
      names = "--cache",
      paramLabel = "<dir>",
      description =
          "The advisory cache that 'bulwark db update' fills (default: $XDG_CACHE_HOME/bulwark/osv"
              + " or ~/.cache/bulwark/osv).")
  @Nullable Path cache;

  /** The cache folder in use. */
  Path cache() {
    return cache != null ? cache : AdvisoryCache.defaultDirectory();
  }
}
