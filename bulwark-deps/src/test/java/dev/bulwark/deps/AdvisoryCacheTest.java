package dev.bulwark.deps;

import static dev.bulwark.deps.OsvFixtures.component;
import static dev.bulwark.deps.OsvFixtures.npmDocument;
import static dev.bulwark.deps.OsvFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.core.ScanError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server on 127.0.0.1 serving archives built here. */
class AdvisoryCacheTest {

  /** What the server answers for one path. */
  private interface Answer {
    void send(HttpExchange exchange) throws IOException;
  }

  @TempDir Path dir;

  private HttpServer server;
  private ExecutorService executor;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Headers> requests = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T12:00:00Z"));

  private final byte[] npmV1 = zip(
      "GHSA-0001.json", npmDocument("GHSA-0001", "tarball-kit", "1.2.0"),
      "GHSA-0002.json", npmDocument("GHSA-0002", "query-kit", "4.0.0"));
  private final byte[] npmV2 = zip(
      "GHSA-0001.json", npmDocument("GHSA-0001", "tarball-kit", "1.2.0"),
      "GHSA-0002.json", npmDocument("GHSA-0002", "query-kit", "4.0.0"),
      "GHSA-0003.json", npmDocument("GHSA-0003", "yaml-kit", "2.0.0"));
  private final byte[] pypi = zip("PYSEC-1.json", """
      {"id": "PYSEC-1", "modified": "2024-05-01T00:00:00Z",
       "affected": [{"package": {"ecosystem": "PyPI", "name": "widgets"},
         "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0"}]}]}]}
      """);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestHeaders());
      Answer a = answers.get(exchange.getRequestURI().getPath());
      try {
        if (a == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          a.send(exchange);
        }
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/osv/");
  }

  private AdvisoryCache.Builder cache() {
    return AdvisoryCache.builder().baseUri(base()).directory(dir.resolve("cache"))
        .ecosystems(List.of(Ecosystem.NPM)).clock(clock);
  }

  /** Serves {@code body} with an ETag, answering 304 to a matching If-None-Match. */
  private static Answer archive(byte[] body, String etag) {
    return exchange -> {
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.getResponseHeaders().add("Last-Modified", "Sat, 01 Jun 2024 10:00:00 GMT");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  private Path npmArchive() {
    return dir.resolve("cache").resolve("npm").resolve("all.zip");
  }

  @Test
  void downloadsEachEcosystemsArchiveAndScansFromTheCacheOffline() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    answers.put("/osv/PyPI/all.zip", archive(pypi, "\"p1\""));
    AdvisoryCache cache = cache().ecosystems(List.of(Ecosystem.NPM, Ecosystem.PYPI)).build();

    AdvisoryCache.UpdateReport report = cache.update();

    assertThat(report.ok()).isTrue();
    assertThat(report.ecosystems()).extracting(AdvisoryCache.EcosystemUpdate::status,
            AdvisoryCache.EcosystemUpdate::advisories)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AdvisoryCache.Status.DOWNLOADED, 2),
            org.assertj.core.groups.Tuple.tuple(AdvisoryCache.Status.DOWNLOADED, 1));
    assertThat(Files.readAllBytes(npmArchive())).isEqualTo(npmV1);
    assertThat(requests.get(0).getFirst("User-Agent")).startsWith("bulwark ");
    server.stop(0);

    VulnerabilityDatabase db = cache.open();
    assertThat(db.errors()).isEmpty();
    assertThat(db.size()).isEqualTo(3);
    assertThat(new Matcher(db).match(component(Ecosystem.PYPI, "widgets", "1.9"))).hasSize(1);
    assertThat(db.dataTime()).contains(clock.instant());
    assertThat(Files.list(npmArchive().getParent()).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("all.zip", "state.properties");
  }

  @Test
  void asksConditionallyAndOnlyRecordsTheCheckWhenNothingChanged() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache cache = cache().build();
    cache.update();
    Instant firstModified = Files.getLastModifiedTime(npmArchive()).toInstant();
    clock.advance(Duration.ofDays(2));

    AdvisoryCache.UpdateReport second = cache.update();

    assertThat(second.ecosystems()).singleElement().satisfies(u -> {
      assertThat(u.status()).isEqualTo(AdvisoryCache.Status.NOT_MODIFIED);
      assertThat(u.advisories()).isEqualTo(2);
      assertThat(u.message()).startsWith("not modified since 2024-06-01T12:00:00Z");
    });
    Headers conditional = requests.get(1);
    assertThat(conditional.getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(conditional.getFirst("If-Modified-Since")).isEqualTo("Sat, 01 Jun 2024 10:00:00 GMT");
    assertThat(Files.getLastModifiedTime(npmArchive()).toInstant()).isEqualTo(firstModified);
    assertThat(cache.lastChecked()).contains(Instant.parse("2024-06-03T12:00:00Z"));
    clock.advance(Duration.ofDays(1));
    assertThat(cache.age()).contains(Duration.ofDays(1));
  }

  @Test
  void replacesTheArchiveWhenTheServerHasANewOne() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache cache = cache().build();
    cache.update();
    answers.put("/osv/npm/all.zip", archive(npmV2, "\"v2\""));

    assertThat(cache.update().ecosystems().get(0).advisories()).isEqualTo(3);
    assertThat(Files.readAllBytes(npmArchive())).isEqualTo(npmV2);
    assertThat(cache.open().size()).isEqualTo(3);
  }

  @Test
  void rejectsATruncatedOrCorruptDownloadAndKeepsTheCachedArchive() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache cache = cache().build();
    cache.update();

    answers.put("/osv/npm/all.zip", archive(OsvFixtures.truncate(npmV2, npmV2.length - 30),
        "\"v2\""));
    AdvisoryCache.EcosystemUpdate truncated = cache.update().ecosystems().get(0);
    answers.put("/osv/npm/all.zip", archive(zip("GHSA-9.json", "{\"id\": \"GHSA-9\", "), "\"v3\""));
    AdvisoryCache.EcosystemUpdate badEntry = cache.update().ecosystems().get(0);

    for (AdvisoryCache.EcosystemUpdate u : List.of(truncated, badEntry)) {
      assertThat(u.status()).isEqualTo(AdvisoryCache.Status.FAILED);
      assertThat(u.message()).contains("is corrupt")
          .endsWith("; the cached copy of 2024-06-01T12:00:00Z is kept");
    }
    assertThat(Files.readAllBytes(npmArchive())).isEqualTo(npmV1);
    assertThat(cache.open().size()).isEqualTo(2);
    assertThat(Files.list(npmArchive().getParent())).hasSize(2);
  }

  @Test
  void keepsTheCachedArchiveWhenTheServerFails() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache cache = cache().build();
    cache.update();
    answers.put("/osv/npm/all.zip", exchange -> exchange.sendResponseHeaders(503, -1));

    AdvisoryCache.UpdateReport report = cache.update();

    assertThat(report.ok()).isFalse();
    assertThat(report.ecosystems().get(0).message()).isEqualTo(cache.archiveUri(Ecosystem.NPM)
        + " answered HTTP 503; the cached copy of 2024-06-01T12:00:00Z is kept");
    assertThat(cache.open().size()).isEqualTo(2);
  }

  @Test
  void reportsAServerThatCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AdvisoryCache cache = cache().baseUri(URI.create("http://127.0.0.1:" + closedPort)).build();

    AdvisoryCache.EcosystemUpdate u = cache.update().ecosystems().get(0);

    assertThat(u.status()).isEqualTo(AdvisoryCache.Status.FAILED);
    assertThat(u.message()).startsWith("the download from http://127.0.0.1:" + closedPort
        + "/npm/all.zip failed: ");
    assertThat(Files.exists(npmArchive())).isFalse();
  }

  @Test
  void refusesADownloadLargerThanTheLimit() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache.EcosystemUpdate u =
        cache().maxDownloadBytes(100).build().update().ecosystems().get(0);
    assertThat(u.status()).isEqualTo(AdvisoryCache.Status.FAILED);
    assertThat(u.message()).contains("larger than the limit of 100 bytes");
    assertThat(Files.list(npmArchive().getParent())).isEmpty();
  }

  @Test
  void givesUpOnAStalledDownload() throws IOException {
    answers.put("/osv/npm/all.zip", exchange -> {
      exchange.sendResponseHeaders(200, npmV1.length);
      OutputStream out = exchange.getResponseBody();
      out.write(npmV1, 0, 10);
      out.flush();
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    AdvisoryCache.EcosystemUpdate u =
        cache().downloadTimeout(Duration.ofMillis(700)).build().update().ecosystems().get(0);
    assertThat(u.status()).isEqualTo(AdvisoryCache.Status.FAILED);
    assertThat(u.message()).contains("did not finish within");
    assertThat(Files.exists(npmArchive())).isFalse();
  }

  @Test
  void opensWithAnErrorForEachMissingOrAlteredArchive() throws IOException {
    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache cache = cache().ecosystems(List.of(Ecosystem.NPM, Ecosystem.GO)).build();
    cache.update();
    byte[] altered = npmV1.clone();
    altered[altered.length / 2] ^= 1;
    Files.write(npmArchive(), altered);

    VulnerabilityDatabase db = cache.open();

    assertThat(db.size()).isZero();
    assertThat(db.errors()).extracting(ScanError::message).containsExactlyInAnyOrder(
        "the cached npm archive does not match the SHA-256 recorded when it was downloaded; run"
            + " 'bulwark db update' to replace it",
        "no cached Go advisories: run 'bulwark db update' (with network access) first");
    assertThat(cache.lastChecked()).isEmpty();

    answers.put("/osv/npm/all.zip", archive(npmV1, "\"v1\""));
    AdvisoryCache.EcosystemUpdate repaired = cache.update().ecosystems().get(0);
    assertThat(repaired.status()).as("an altered archive is downloaded again, unconditionally")
        .isEqualTo(AdvisoryCache.Status.DOWNLOADED);
  }

  @Test
  void refusesBadSettingsNamingThem() {
    assertThatThrownBy(() -> AdvisoryCache.builder().baseUri(URI.create("ftp://mirror/osv"))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("advisory base URL 'ftp://mirror/osv' must be an http or https URL with a"
            + " host");
    assertThatThrownBy(() -> AdvisoryCache.builder().downloadTimeout(Duration.ZERO).build())
        .hasMessage("timeouts must be positive, not PT0S");
    assertThat(AdvisoryCache.builder().build().archiveUri(Ecosystem.PYPI))
        .hasToString("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
