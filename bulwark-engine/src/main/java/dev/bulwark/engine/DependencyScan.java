package dev.bulwark.engine;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Version;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.deps.Match;
import dev.bulwark.deps.MatchResult;
import dev.bulwark.deps.Matcher;
import dev.bulwark.deps.VulnerabilityDatabase;
import dev.bulwark.deps.VulnerabilityFindings;
import dev.bulwark.engine.internal.AdvisorySources;
import dev.bulwark.engine.internal.InputFinder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulwark deps}: what a folder, archive or manifest ships and which of those packages have
 * known vulnerabilities, without templates.
 */
public final class DependencyScan {

  /** The report and the inventory it was made from. */
  public record Result(Report report, Inventory inventory) {}

  private DependencyScan() {}

  /**
   * Reads every path and matches what it holds.
   *
   * @param advisoryFolders {@code --db} folders (when empty, {@code cache} is used)
   * @param cache the {@code bulwark db update} cache, or null
   */
  public static Result run(List<Path> paths, List<Path> advisoryFolders, @Nullable Path cache,
      Path workingDirectory, Clock clock) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    InputFinder finder = new InputFinder(Set.of(), workingDirectory);
    InventoryReader reader = InventoryReader.withDefaults();
    List<Inventory> parts = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    for (Path p : paths) {
      if (!p.toFile().exists()) {
        errors.add(new ScanError(finder.display(p), 0, ScanError.Kind.IO, "no such file or folder"));
        continue;
      }
      parts.add(reader.read(p, finder.display(p)));
    }
    Inventory inventory = parts.isEmpty() ? Inventory.empty() : Inventory.merge(parts);
    errors.addAll(inventory.errors());
    List<String> notes = new ArrayList<>();
    notes.add(inventory.components().size() + " components read from "
        + inventory.files().size() + " files");
    List<Finding> findings = new ArrayList<>();
    if (!inventory.components().isEmpty()) {
      Set<String> seen = new HashSet<>();
      int unchecked = 0;
      for (VulnerabilityDatabase db : AdvisorySources.load(advisoryFolders, cache, paths,
          workingDirectory, clock, notes)) {
        MatchResult result = new Matcher(db).match(inventory.components());
        unchecked = Math.max(unchecked, result.unchecked().size());
        for (Match m : result.matches()) {
          if (seen.add(m.component().source().file() + " " + m.component().key() + " "
              + m.primaryId())) {
            findings.add(VulnerabilityFindings.toFinding(m));
          }
        }
      }
      if (unchecked > 0) {
        notes.add(unchecked + " components have no exact version (declared ranges) and were"
            + " not checked");
      }
    }
    Report report = new Report(Version.tool(), started, Duration.ofNanos(System.nanoTime() - t0),
        findings, errors, inventory.files(), List.of(VulnerabilityFindings.RULE), notes);
    return new Result(report, inventory);
  }
}
