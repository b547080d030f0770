package dev.bulwark.deps;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.internal.artifacts.ArchiveReader;
import dev.bulwark.deps.internal.readers.Collector;
import dev.bulwark.deps.internal.readers.FolderReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds and reads what a function ships: every manifest, lockfile and archive in a folder, an
 * archive on its own (a Lambda zip, a jar), or a single manifest or lockfile.
 *
 * <p>Formats: Maven {@code pom.xml} (properties, parents and BOMs resolved among the input's own
 * POMs), Gradle lockfiles, npm {@code package-lock.json} v1–v3, {@code yarn.lock} v1 and Berry,
 * {@code pnpm-lock.yaml} v5–v9, pip requirements, {@code poetry.lock}, {@code Pipfile.lock},
 * {@code uv.lock}, installed Python metadata, {@code go.mod} with {@code go.sum}, installed
 * {@code node_modules}; archives with their {@code pom.properties}, nested archives and the
 * manifests inside them. Bad input never throws: it becomes a {@link ScanError} in the {@link
 * Inventory} and the rest is read. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * InventoryReader reader = InventoryReader.withDefaults();
 * Inventory fromSources = reader.read(Path.of("hello-world"), "hello-world");
 * Inventory fromZip = reader.read(Path.of(".aws-sam/build/HelloFunction.zip"));
 * }</pre>
 */
public final class InventoryReader {
  private final DepsLimits limits;

  private InventoryReader(DepsLimits limits) {
    this.limits = limits;
  }

  public static InventoryReader withDefaults() {
    return new InventoryReader(DepsLimits.defaults());
  }

  public static InventoryReader withLimits(DepsLimits limits) {
    return new InventoryReader(Objects.requireNonNull(limits, "limits"));
  }

  public DepsLimits limits() {
    return limits;
  }

  /** Reads {@code path}, showing files under its own name ({@code path.toString()}). */
  public Inventory read(Path path) {
    return read(path, path.toString().replace('\\', '/'));
  }

  /**
   * Reads {@code path} (folder, archive or single file), showing files as {@code display} plus
   * their path below it: {@code read(Path.of("/tmp/x/src"), "src")} reports {@code
   * src/requirements.txt}.
   */
  public Inventory read(Path path, String display) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(display, "display");
    return new FolderReader(limits, InventoryReader::readArchive).read(path, display);
  }

  /** Reads an archive from a stream (not closed here), shown as {@code display}. */
  public Inventory readArchive(InputStream archive, String display) {
    Collector out = new Collector(limits);
    out.countFile(display);
    new ArchiveReader(out).read(display, archive);
    return out.inventory();
  }

  private static void readArchive(Collector out, FolderReader.Candidate c) {
    try (InputStream in = Files.newInputStream(c.path())) {
      new ArchiveReader(out).read(c.display(), in);
    } catch (IOException e) {
      out.error(new ScanError(c.display(), 0, ScanError.Kind.IO, "cannot read: " + e.getMessage()));
    }
  }
}
