package dev.bulwark.cli;

import dev.bulwark.deps.AdvisoryCache;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark db}: the OSV advisory cache. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    header = "Manage the advisory data used to find vulnerable dependencies.",
    subcommands = {DbCommand.Update.class, DbCommand.Status.class})
public final class DbCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by the db subcommands. */
  static class CacheOptions {
    @Option(names = "--cache", paramLabel = "<dir>",
        description = "The cache folder (default: $XDG_CACHE_HOME/bulwark/osv or"
            + " ~/.cache/bulwark/osv).")
    @Nullable Path cache;

    @Option(names = "--ecosystem", paramLabel = "<name>", split = ",",
        description = "Ecosystems to keep: maven, npm, pypi, go (default: all).")
    List<String> ecosystems = new ArrayList<>();

    AdvisoryCache.Builder builder() {
      AdvisoryCache.Builder b = AdvisoryCache.builder()
          .directory(cache != null ? cache : AdvisoryCache.defaultDirectory());
      if (!ecosystems.isEmpty()) {
        List<Ecosystem> list = new ArrayList<>();
        for (String e : ecosystems) {
          try {
            list.add(Ecosystem.valueOf(e.trim().toUpperCase(java.util.Locale.ROOT)));
          } catch (IllegalArgumentException x) {
            throw new Main.UsageException("--ecosystem: unknown ecosystem '" + e
                + "' (expected maven, npm, pypi, go)");
          }
        }
        b.ecosystems(list);
      }
      return b;
    }
  }

  /** {@code bulwark db update}. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      header = "Download or refresh the OSV advisory archives into the cache.",
      description = "Downloads <base-url>/<Ecosystem>/all.zip per ecosystem with conditional"
          + " requests; an archive replaces the cached one only after it was verified. Scans then"
          + " work offline from the cache.",
      sortOptions = false)
  public static final class Update extends CacheOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--base-url", paramLabel = "<url>",
        description = "Where the archives are (default: OSV's public data bucket).")
    @Nullable URI baseUrl;

    @Override
    public Integer call() throws IOException {
      AdvisoryCache.Builder b = builder();
      if (baseUrl != null) {
        b.baseUri(baseUrl);
      }
      AdvisoryCache cache = b.build();
      PrintWriter out = spec.commandLine().getOut();
      AdvisoryCache.UpdateReport report = cache.update();
      for (AdvisoryCache.EcosystemUpdate u : report.ecosystems()) {
        out.printf("%-6s %-13s %s%n", u.ecosystem().label(),
            u.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), u.message());
      }
      out.printf("cache: %s%n", cache.directory());
      out.flush();
      return report.ok() ? ExitCodes.OK : ExitCodes.SCAN_ERROR;
    }
  }

  /** {@code 3 days ago}, {@code 5 hours ago}, {@code just now}. */
  static String ago(Duration d) {
    if (d.toDays() > 0) {
      return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
    }
    if (d.toHours() > 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour ago" : " hours ago");
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + (d.toMinutes() == 1 ? " minute ago" : " minutes ago");
    }
    return "just now";
  }

  /** {@code bulwark db status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      header = "Show what the advisory cache holds and how old it is.",
      description = "Informational: exits with 0 whatever the cache holds.")
  public static final class Status extends CacheOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      AdvisoryCache cache = builder().build();
      PrintWriter out = spec.commandLine().getOut();
      VulnerabilityDatabase db = cache.open();
      out.printf("cache: %s%n", cache.directory());
      out.printf("advisories: %d%n", db.size());
      // one line per ecosystem: what it holds and how old it is, or that it was never downloaded
      cache.ages().forEach((e, age) -> {
        if (age.isEmpty()) {
          out.printf("  %-6s not downloaded (run 'bulwark db update')%n", e.label());
        } else {
          int n = db.packageCounts().getOrDefault(e, 0);
          out.printf("  %-6s %d %s, checked %s%n", e.label(), n, n == 1 ? "package" : "packages",
              ago(age.get()));
        }
      });
      Duration age = cache.age().orElse(null);
      if (age != null) {
        out.printf("last checked: %s%n", ago(age));
      } else if (cache.ages().values().stream().allMatch(Optional::isEmpty)) {
        out.println("last checked: never (run 'bulwark db update')");
      }
      // ecosystems never downloaded are listed above; other problems (a damaged archive) here
      db.errors().stream().filter(e -> !e.message().startsWith("no cached "))
          .forEach(e -> out.println("  " + e));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
