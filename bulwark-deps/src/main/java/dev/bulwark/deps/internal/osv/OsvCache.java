package dev.bulwark.deps.internal.osv;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.Version;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The advisory cache: one folder per ecosystem holding OSV's {@code all.zip} and its {@link
 * CacheState}. Updates download to a temporary file, verify it (it opens as a zip and every entry
 * parses as an OSV document; its SHA-256 is recorded) and only then rename it over the old
 * archive, so a failed, truncated or corrupt download never replaces a good cache. Requests are
 * conditional ({@code If-None-Match}, {@code If-Modified-Since}); a {@code 304} only records that
 * the cache was confirmed current. One update runs at a time per cache folder (a file lock).
 */
public final class OsvCache {

  /** Settings; validated by the public builder. */
  public record Settings(
      URI baseUri,
      Path directory,
      List<Ecosystem> ecosystems,
      Duration connectTimeout,
      Duration responseTimeout,
      Duration downloadTimeout,
      long maxDownloadBytes,
      VulnerabilityDatabase.Limits limits,
      Clock clock) {}

  /** The outcome of one ecosystem's update. */
  public enum Status {
    DOWNLOADED,
    NOT_MODIFIED,
    FAILED
  }

  /** One ecosystem's update: status, message for a human, advisories in the archive, bytes. */
  public record Outcome(Ecosystem ecosystem, Status status, String message, int advisories,
      long bytes) {}

  static final String ARCHIVE = "all.zip";

  private final Settings settings;
  private final HttpClient client;

  public OsvCache(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The archive URL of an ecosystem: {@code <base>/<OSV ecosystem name>/all.zip}. */
  public URI archiveUri(Ecosystem e) {
    String base = settings.baseUri().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/" + e.osvName() + "/" + ARCHIVE);
  }

  Path folder(Ecosystem e) {
    return settings.directory().resolve(e.osvName());
  }

  /** Updates every configured ecosystem; never throws for network or server problems. */
  public List<Outcome> update() throws IOException {
    Files.createDirectories(settings.directory());
    List<Outcome> out = new ArrayList<>();
    try (FileChannel lockFile = FileChannel.open(settings.directory().resolve(".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      for (Ecosystem e : settings.ecosystems()) {
        out.add(update(e));
      }
    }
    return out;
  }

  private Outcome update(Ecosystem e) throws IOException {
    Path dir = folder(e);
    Files.createDirectories(dir);
    Path archive = dir.resolve(ARCHIVE);
    CacheState old = CacheState.read(dir);
    boolean cached = old != null && old.matches(archive);
    URI uri = archiveUri(e);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(settings.responseTimeout())
        .header("User-Agent", Version.tool())
        .GET();
    if (cached && old.etag() != null) {
      request.header("If-None-Match", old.etag());
    }
    if (cached && old.lastModified() != null) {
      request.header("If-Modified-Since", old.lastModified());
    }
    Path tmp = Files.createTempFile(dir, ARCHIVE + ".", ".part");
    try {
      HttpResponse<FileDownload.@Nullable Written> response = send(request.build(), tmp);
      int status = response.statusCode();
      Instant now = settings.clock().instant();
      if (status == 304) {
        if (!cached) {
          return failed(e, uri + " answered 304 Not Modified, but there is no valid cached copy");
        }
        old.checked(now).write(dir);
        return new Outcome(e, Status.NOT_MODIFIED, "not modified since " + old.downloadedAt()
            + "; " + old.advisories() + " advisories", old.advisories(), old.size());
      }
      if (status != 200 || response.body() == null) {
        return failed(e, uri + " answered HTTP " + status + (cached ? "; the cached copy of "
            + old.downloadedAt() + " is kept" : ""));
      }
      FileDownload.Written written = response.body();
      OsvLoader.Result check = new OsvLoader(settings.limits()).addZip(tmp).result();
      String problem = corruption(check);
      if (problem != null) {
        return failed(e, "the archive downloaded from " + uri + " is corrupt (" + problem + ")"
            + (cached ? "; the cached copy of " + old.downloadedAt() + " is kept" : ""));
      }
      moveIntoPlace(tmp, archive);
      int count = check.advisories().size();
      new CacheState(uri.toString(), response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null), written.sha256(),
          written.bytes(), now, now, count).write(dir);
      return new Outcome(e, Status.DOWNLOADED, count + " advisories, " + written.bytes()
          + " bytes", count, written.bytes());
    } catch (DownloadFailure x) {
      return failed(e, x.getMessage() + (cached ? "; the cached copy of " + old.downloadedAt()
          + " is kept" : ""));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A reason to reject a downloaded archive, or null when every entry parsed. */
  private static @Nullable String corruption(OsvLoader.Result check) {
    for (ScanError err : check.errors()) {
      if (err.kind() == ScanError.Kind.PARSE || err.kind() == ScanError.Kind.IO
          || err.kind() == ScanError.Kind.LIMIT) {
        return err.toString();
      }
    }
    return check.documents() == 0 ? "no OSV documents in it" : null;
  }

  private HttpResponse<FileDownload.@Nullable Written> send(HttpRequest request, Path tmp)
      throws DownloadFailure {
    CompletableFuture<HttpResponse<FileDownload.@Nullable Written>> f = client.sendAsync(
        request,
        info -> info.statusCode() == 200
            ? new FileDownload(tmp, settings.maxDownloadBytes())
            : HttpResponse.BodySubscribers.replacing(null));
    try {
      return f.get(settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException x) {
      f.cancel(true);
      throw new DownloadFailure("the download from " + request.uri() + " did not finish within "
          + settings.downloadTimeout().toSeconds() + " s");
    } catch (InterruptedException x) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new DownloadFailure("the download from " + request.uri() + " was interrupted");
    } catch (ExecutionException x) {
      Throwable cause = x.getCause() == null ? x : x.getCause();
      String why = cause instanceof HttpTimeoutException
          ? "no answer within " + settings.responseTimeout().toSeconds() + " s"
          : cause instanceof java.net.ConnectException
              ? "cannot connect" + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
              : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new DownloadFailure("the download from " + request.uri() + " failed: " + why);
    }
  }

  private Outcome failed(Ecosystem e, String message) {
    return new Outcome(e, Status.FAILED, message, 0, 0);
  }

  /**
   * Opens the cached archives (no network). Missing or damaged archives become errors naming them;
   * the others load. The data time is the oldest confirmation among the loaded ecosystems.
   */
  public Loaded open() {
    OsvLoader loader = new OsvLoader(settings.limits());
    List<ScanError> errors = new ArrayList<>();
    Instant oldest = null;
    for (Ecosystem e : settings.ecosystems()) {
      Path dir = folder(e);
      Path archive = dir.resolve(ARCHIVE);
      CacheState state = CacheState.read(dir);
      if (state == null || !Files.isRegularFile(archive)) {
        errors.add(new ScanError(dir.toString(), 0, ScanError.Kind.IO, "no cached " + e.osvName()
            + " advisories: run 'bulwark db update' (with network access) first"));
        continue;
      }
      if (!state.matches(archive)) {
        errors.add(new ScanError(archive.toString(), 0, ScanError.Kind.INVALID, "the cached "
            + e.osvName() + " archive does not match the SHA-256 recorded when it was downloaded;"
            + " run 'bulwark db update' to replace it"));
        continue;
      }
      loader.addZip(archive);
      oldest = oldest == null || state.checkedAt().isBefore(oldest) ? state.checkedAt() : oldest;
    }
    OsvLoader.Result r = loader.result();
    errors.addAll(r.errors());
    return new Loaded(r.advisories(), errors, oldest);
  }

  /** What {@link #open()} read. */
  public record Loaded(List<Advisory> advisories, List<ScanError> errors,
      @Nullable Instant checkedAt) {}

  /**
   * When each configured ecosystem was last downloaded or confirmed current, in configuration
   * order; an ecosystem that was never downloaded maps to null.
   */
  public java.util.Map<Ecosystem, @Nullable Instant> checkedAtByEcosystem() {
    java.util.Map<Ecosystem, @Nullable Instant> out = new java.util.LinkedHashMap<>();
    for (Ecosystem e : settings.ecosystems()) {
      CacheState s = CacheState.read(folder(e));
      out.put(e, s == null ? null : s.checkedAt());
    }
    return out;
  }

  /** The oldest time any configured ecosystem was last confirmed current, if all are cached. */
  public @Nullable Instant lastChecked() {
    Instant oldest = null;
    for (Ecosystem e : settings.ecosystems()) {
      CacheState s = CacheState.read(folder(e));
      if (s == null) {
        return null;
      }
      oldest = oldest == null || s.checkedAt().isBefore(oldest) ? s.checkedAt() : oldest;
    }
    return oldest;
  }

  /** Renames {@code from} over {@code to}, atomically where the file system can. */
  static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A download that did not complete; its message is for a human. */
  private static final class DownloadFailure extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DownloadFailure(String message) {
      super(message);
    }
  }
}
