package dev.bulwark.deps.internal.readers;

import dev.bulwark.deps.DepsLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ReadContext} over files known by display name, with an optional fallback for files
 * not yet loaded (the disk, for a folder), and Maven POMs looked up by coordinates among the
 * known POMs (each parsed at most once).
 */
public final class FilesContext implements ReadContext {
  private final Map<String, SourceFile> files;
  private final DepsLimits limits;
  private final Function<String, @Nullable SourceFile> fallback;
  private @Nullable Map<String, SourceFile> pomsByCoordinates;

  public FilesContext(
      Map<String, SourceFile> files, DepsLimits limits, Function<String, @Nullable SourceFile> fallback) {
    this.files = files;
    this.limits = limits;
    this.fallback = fallback;
  }

  @Override
  public @Nullable SourceFile near(SourceFile from, String relativePath) {
    String joined = Paths2.join(from.folder(), relativePath);
    return joined == null ? null : get(joined);
  }

  /** The file shown as {@code display}, loaded through the fallback at most once. */
  public @Nullable SourceFile get(String display) {
    SourceFile f = files.get(display);
    if (f == null) {
      f = fallback.apply(display);
      if (f != null) {
        files.put(display, f);
      }
    }
    return f;
  }

  @Override
  public DepsLimits limits() {
    return limits;
  }

  @Override
  public @Nullable SourceFile mavenPom(String groupId, String artifactId, String version) {
    if (pomsByCoordinates == null) {
      pomsByCoordinates = new HashMap<>();
      for (SourceFile f : files.values()) {
        if (!f.fileName().equals("pom.xml")) {
          continue;
        }
        try {
          MavenPomParser.Pom pom = MavenPomParser.read(f);
          String g = pom.groupId() != null ? pom.groupId() : pom.parent() != null ? pom.parent().groupId() : null;
          String v = pom.version() != null ? pom.version() : pom.parent() != null ? pom.parent().version() : null;
          if (g != null && v != null) {
            pomsByCoordinates.putIfAbsent(g + ":" + pom.artifactId() + ":" + v, f);
          }
        } catch (ReadFailure unreadable) {
          // reported when the POM itself is read
        }
      }
    }
    return pomsByCoordinates.get(groupId + ":" + artifactId + ":" + version);
  }
}
