package dev.bulwark.engine.internal;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.AdvisoryCache;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a scan's advisory data comes from: the {@code --db} folders, or else the download cache
 * that {@code bulwark db update} fills; plus any snapshot a project vendors in {@code
 * <root>/.bulwark/advisories}. Problems with advisory data become notes, not scan errors: they
 * are not about the scanned inputs.
 */
public final class AdvisorySources {

  private AdvisorySources() {}

  /**
   * Loads the databases and adds a note per source (count, freshness, problems) to {@code notes}.
   *
   * @throws IllegalArgumentException when a {@code --db} folder does not exist
   */
  public static List<VulnerabilityDatabase> load(List<Path> folders, @Nullable Path cache,
      List<Path> roots, Path workingDirectory, Clock clock, List<String> notes) {
    List<VulnerabilityDatabase> out = new ArrayList<>();
    for (Path folder : folders) {
      try {
        out.add(VulnerabilityDatabase.load(folder));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--db: " + e.getMessage(), e);
      }
    }
    if (folders.isEmpty() && cache != null && Files.isDirectory(cache)) {
      out.add(AdvisoryCache.builder().directory(cache).build().open());
    }
    for (Path root : roots) {
      Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
      Path snapshot = dir == null ? null : dir.resolve(".bulwark").resolve("advisories");
      if (snapshot != null && Files.isDirectory(snapshot)) {
        out.add(VulnerabilityDatabase.load(snapshot));
      }
    }
    out.removeIf(db -> db.size() == 0 && db.errors().isEmpty());
    if (out.isEmpty()) {
      notes.add("no advisory data: dependencies were read but not checked for known"
          + " vulnerabilities; run 'bulwark db update' or pass --db DIR");
    }
    for (VulnerabilityDatabase db : out) {
      boolean fromCache = cache != null && db.origin().equals(cache.toString());
      String when = fromCache
          ? db.age(clock).map(d -> "downloaded " + (d.toDays() == 0 ? "less than a day ago"
              : d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago"))).orElse("")
          : db.dataTime().map(t -> "newest advisory modified "
              + t.toString().substring(0, 10)).orElse("");
      notes.add("advisory data: " + db.size() + " advisories from "
          + display(workingDirectory, db.origin()) + (when.isEmpty() ? "" : " (" + when + ")"));
      for (ScanError e : db.errors()) {
        notes.add("advisory data: " + e);
      }
    }
    return out;
  }

  private static String display(Path workingDirectory, String path) {
    Path p = Path.of(path).toAbsolutePath().normalize();
    Path wd = workingDirectory.toAbsolutePath().normalize();
    return p.startsWith(wd) ? wd.relativize(p).toString() : path;
  }
}
