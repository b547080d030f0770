package dev.bulwark.deps.internal.osv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What the cache knows about one ecosystem's archive: where it came from, the validators the
 * server gave ({@code ETag}, {@code Last-Modified}), the SHA-256 and size of what was written, and
 * when it was downloaded and last confirmed current. Stored next to the archive as
 * {@code state.properties}.
 */
record CacheState(
    String url,
    @Nullable String etag,
    @Nullable String lastModified,
    String sha256,
    long size,
    Instant downloadedAt,
    Instant checkedAt,
    int advisories) {

  static final String FILE = "state.properties";

  CacheState checked(Instant when) {
    return new CacheState(url, etag, lastModified, sha256, size, downloadedAt, when, advisories);
  }

  /** The state in {@code dir}, or null when absent or unreadable (the archive is then unknown). */
  static @Nullable CacheState read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(f)) {
      p.load(in);
      return new CacheState(
          p.getProperty("url", ""),
          p.getProperty("etag"),
          p.getProperty("lastModified"),
          p.getProperty("sha256", ""),
          Long.parseLong(p.getProperty("size", "-1")),
          Instant.parse(p.getProperty("downloadedAt", "")),
          Instant.parse(p.getProperty("checkedAt", "")),
          Integer.parseInt(p.getProperty("advisories", "0")));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      return null;
    }
  }

  /** Writes the state atomically (a temporary file renamed over the old one). */
  void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("url", url);
    if (etag != null) {
      p.setProperty("etag", etag);
    }
    if (lastModified != null) {
      p.setProperty("lastModified", lastModified);
    }
    p.setProperty("sha256", sha256);
    p.setProperty("size", Long.toString(size));
    p.setProperty("downloadedAt", downloadedAt.toString());
    p.setProperty("checkedAt", checkedAt.toString());
    p.setProperty("advisories", Integer.toString(advisories));
    Path tmp = Files.createTempFile(dir, FILE, ".part");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "bulwark advisory cache; do not edit");
      }
      OsvCache.moveIntoPlace(tmp, dir.resolve(FILE));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** True when {@code file} has exactly the recorded size and SHA-256. */
  boolean matches(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) == size && digestOf(file).equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  static String digestOf(Path file) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
