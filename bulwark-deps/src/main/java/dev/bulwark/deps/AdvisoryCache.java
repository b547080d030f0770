package dev.bulwark.deps;

import dev.bulwark.deps.internal.match.AdvisoryIndex;
import dev.bulwark.deps.internal.osv.OsvCache;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The local copy of OSV's advisory data, behind {@code bulwark db update}: one {@code all.zip} per
 * ecosystem, downloaded from {@code <base>/<Ecosystem>/all.zip} (by default OSV's public bucket).
 *
 * <pre>{@code
 * AdvisoryCache cache = AdvisoryCache.builder()
 *     .directory(Path.of("/tmp/osv-cache"))
 *     .ecosystems(List.of(Ecosystem.PYPI, Ecosystem.NPM))
 *     .build();
 * AdvisoryCache.UpdateReport report = cache.update();   // network
 * VulnerabilityDatabase db = cache.open();               // offline
 * }</pre>
 *
 * <p>Updates are atomic and verified: each archive is downloaded to a temporary file, must open
 * as a zip whose entries all parse as OSV documents, and only then replaces the cached one, with
 * its SHA-256 recorded; a failed, truncated or corrupt download keeps the old copy. Requests are
 * conditional, so an unchanged archive costs one {@code 304}. {@link #open()} checks each archive
 * against its recorded SHA-256 before reading it.
 */
public final class AdvisoryCache {

  /** OSV's public data bucket. */
  public static final URI DEFAULT_BASE_URI =
      URI.create("https://osv-vulnerabilities.storage.googleapis.com");

  private final OsvCache cache;
  private final Path directory;
  private final Clock clock;

  private AdvisoryCache(OsvCache.Settings settings) {
    this.cache = new OsvCache(settings);
    this.directory = settings.directory();
    this.clock = settings.clock();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code $XDG_CACHE_HOME/bulwark/osv} when {@code XDG_CACHE_HOME} is set, else {@code
   * ~/.cache/bulwark/osv}.
   */
  public static Path defaultDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("bulwark").resolve("osv");
  }

  public Path directory() {
    return directory;
  }

  /** The URL an ecosystem's archive is downloaded from. */
  public URI archiveUri(Ecosystem ecosystem) {
    return cache.archiveUri(ecosystem);
  }

  /**
   * Downloads each ecosystem's archive when it changed. Network and server problems are reported
   * per ecosystem ({@link Status#FAILED}, with a message), never thrown.
   *
   * @throws IOException when the cache folder itself cannot be created, locked or written
   */
  public UpdateReport update() throws IOException {
    List<EcosystemUpdate> out = new ArrayList<>();
    for (OsvCache.Outcome o : cache.update()) {
      out.add(new EcosystemUpdate(o.ecosystem(), Status.valueOf(o.status().name()), o.message(),
          o.advisories(), o.bytes()));
    }
    return new UpdateReport(out);
  }

  /**
   * The cached advisories, without network access. Ecosystems that were never downloaded, or whose
   * archive no longer matches its recorded SHA-256, become {@link VulnerabilityDatabase#errors()}.
   */
  public VulnerabilityDatabase open() {
    OsvCache.Loaded l = cache.open();
    return new VulnerabilityDatabase(AdvisoryIndex.build(l.advisories()), l.errors(),
        directory.toString(), l.checkedAt());
  }

  /** When the cached data was last downloaded or confirmed current (the oldest ecosystem's). */
  public Optional<Instant> lastChecked() {
    return Optional.ofNullable(cache.lastChecked());
  }

  /** How old the cached data is, when every configured ecosystem is cached. */
  public Optional<Duration> age() {
    return lastChecked().map(t -> {
      Duration d = Duration.between(t, clock.instant());
      return d.isNegative() ? Duration.ZERO : d;
    });
  }

  /**
   * How old each configured ecosystem's cached data is, in configuration order; empty for an
   * ecosystem that was never downloaded.
   */
  public java.util.Map<Ecosystem, Optional<Duration>> ages() {
    java.util.Map<Ecosystem, Optional<Duration>> out = new java.util.LinkedHashMap<>();
    cache.checkedAtByEcosystem().forEach((e, t) -> out.put(e, Optional.ofNullable(t).map(at -> {
      Duration d = Duration.between(at, clock.instant());
      return d.isNegative() ? Duration.ZERO : d;
    })));
    return out;
  }

  /** The outcome of one ecosystem's update. */
  public enum Status {
    /** A new archive was downloaded, verified and installed. */
    DOWNLOADED,
    /** The server confirmed that the cached archive is current. */
    NOT_MODIFIED,
    /** Nothing changed in the cache; the message says why. */
    FAILED
  }

  /**
   * One ecosystem's update.
   *
   * @param ecosystem the ecosystem
   * @param status what happened
   * @param message for a human: counts, or why it failed
   * @param advisories advisories in the cached archive (0 when failed)
   * @param bytes size of the cached archive (0 when failed)
   */
  public record EcosystemUpdate(
      Ecosystem ecosystem, Status status, String message, int advisories, long bytes) {
    public EcosystemUpdate {
      Objects.requireNonNull(ecosystem, "ecosystem");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The outcome of {@link #update()}, one entry per configured ecosystem. */
  public record UpdateReport(List<EcosystemUpdate> ecosystems) {
    public UpdateReport {
      ecosystems = List.copyOf(ecosystems);
    }

    /** True when no ecosystem failed. */
    public boolean ok() {
      return ecosystems.stream().noneMatch(u -> u.status() == Status.FAILED);
    }
  }

  /**
   * Configures a cache; every setting has a default, {@link #build()} validates and does not
   * change the builder.
   */
  public static final class Builder {
    private URI baseUri = DEFAULT_BASE_URI;
    private @Nullable Path directory;
    private List<Ecosystem> ecosystems = List.of(Ecosystem.values());
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private Duration downloadTimeout = Duration.ofMinutes(10);
    private long maxDownloadBytes = 1L << 30;
    private VulnerabilityDatabase.Limits limits = VulnerabilityDatabase.Limits.DEFAULT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Where archives are downloaded from (default {@link #DEFAULT_BASE_URI}); http or https. */
    public Builder baseUri(URI uri) {
      this.baseUri = Objects.requireNonNull(uri, "baseUri");
      return this;
    }

    /** The cache folder (default {@link #defaultDirectory()}). */
    public Builder directory(Path dir) {
      this.directory = Objects.requireNonNull(dir, "directory");
      return this;
    }

    /** The ecosystems to keep (default: all supported). */
    public Builder ecosystems(Collection<Ecosystem> list) {
      this.ecosystems = List.copyOf(EnumSet.copyOf(list));
      return this;
    }

    /** Time to establish a connection (default 20 s). */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d, "connectTimeout");
      return this;
    }

    /** Time to receive the response headers (default 60 s). */
    public Builder responseTimeout(Duration d) {
      this.responseTimeout = Objects.requireNonNull(d, "responseTimeout");
      return this;
    }

    /** Time for a whole download, per ecosystem (default 10 min). */
    public Builder downloadTimeout(Duration d) {
      this.downloadTimeout = Objects.requireNonNull(d, "downloadTimeout");
      return this;
    }

    /** The largest archive accepted (default 1 GiB). */
    public Builder maxDownloadBytes(long bytes) {
      this.maxDownloadBytes = bytes;
      return this;
    }

    /** Bounds on the archives' contents (default {@link VulnerabilityDatabase.Limits#DEFAULT}). */
    public Builder limits(VulnerabilityDatabase.Limits l) {
      this.limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /** The clock for download and confirmation times (default UTC system clock). */
    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public AdvisoryCache build() {
      String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || baseUri.getHost() == null) {
        throw new IllegalArgumentException("advisory base URL '" + baseUri
            + "' must be an http or https URL with a host");
      }
      if (ecosystems.isEmpty()) {
        throw new IllegalArgumentException("no ecosystem to keep advisories for");
      }
      for (Duration d : List.of(connectTimeout, responseTimeout, downloadTimeout)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("timeouts must be positive, not " + d);
        }
      }
      if (maxDownloadBytes <= 0) {
        throw new IllegalArgumentException("maxDownloadBytes must be positive, not "
            + maxDownloadBytes);
      }
      return new AdvisoryCache(new OsvCache.Settings(baseUri,
          directory == null ? defaultDirectory() : directory, ecosystems, connectTimeout,
          responseTimeout, downloadTimeout, maxDownloadBytes, limits, clock));
    }
  }
}
